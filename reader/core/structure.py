"""Recognise a document's structure (title, metadata, figures, headings, …) from plain text.

The rules are general, each written for a kind of line a Chinese reader meets:
news articles (title, a metadata line, 原標題, 【轉載】 figure placeholders,
bylines, a closing statement), TXT novels (第N章 lines) and Markdown.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from reader.core.chapter_rules import DEFAULT_RULES, ChapterRules
from reader.core.document import LINE_BREAK, Block, BlockKind, Document, Metadata
from reader.core.headings import (
    SHORT_LINE,
    UNIT_RANKS,
    BodyLine,
    HeadingPlan,
    chapter_line,
    ends_like_sentence,
    is_underline,
    numbered_style,
    plan_headings,
)

_CAPTION_MAX = 60

_HAN_NUMERAL = "零〇一二三四五六七八九十百千萬万兩两壹貳贰參叁肆伍陸陆柒捌玖拾佰仟"
_DIGITS = "0-9０-９"
_NOVEL_PARTS = re.compile(
    r"^(序章|序言|序幕|楔子|引子|引言|前言|題記|题记|自序|尾聲|尾声|終章|终章|後記|后记"
    r"|番外[篇章]?|完本感言)(?:$|[\s:：、.．—\-(（【]).*"
)

_NUMBERED = (
    re.compile(rf"^[{_HAN_NUMERAL}]+\s*[、.．]"),
    re.compile(rf"^[(（]\s*[{_HAN_NUMERAL}]+\s*[)）]"),
    re.compile(rf"^[{_DIGITS}]+\s*[、.．](?![{_DIGITS}])"),
)
_MARKDOWN_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_MARKDOWN_LIST = re.compile(r"^(?:[-*+]|\d+[.)])\s+(.*)$")
_MARKDOWN_IMAGE = re.compile(r"^!\[(?P<alt>[^\]]*)\]\((?P<src>[^)]*)\)\s*$")
_MARKDOWN_RULE = re.compile(r"^(?:[-*_]\s*){3,}$")
_MARKDOWN_FENCE = re.compile(r"^(```|~~~)")
_MARKDOWN_SETEXT = re.compile(r"^(?:=+|-{2,})$")
#: Lines a heading is never made of: code, commands, key bindings, table columns.
_CODE_LIKE = re.compile(r"[<>{}\[\]|\\$`=;~^]|://|^[-+*/>]")
_COLUMN_GAP = re.compile(r"\S(?: {2,}|\t)\S")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")

_LIST_MARKERS = ("——", "•", "●", "○", "■", "□", "◆", "◇", "▪", "・")
_FIGURE = re.compile(r"^【(?:轉載|转载|圖片|图片|圖|图|配圖|配图|照片|視頻|视频)】")
_SUBTITLE = re.compile(r"^(?:原標題|原标题|副標題|副标题)\s*[:：]")
_DATE = re.compile(r"(?P<date>\d{4}-\d{1,2}-\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?)")
_META_LABELS = {
    "來源": "source", "来源": "source",
    "作者": "author",
    "編輯": "editor", "编辑": "editor",
    "責編": "responsible_editor", "责编": "responsible_editor",
    "責任編輯": "responsible_editor", "责任编辑": "responsible_editor",
}  # fmt: skip
_META_LABEL = re.compile(
    "(" + "|".join(sorted(_META_LABELS, key=len, reverse=True)) + r")\s*[:：]\s*"
)
_BYLINE_START = re.compile(r"^(?:[(（]?(?:記者|记者|通訊員|通讯员|文|撰文|作者)\s*[/／:：\s])")
_NAME_RUN = re.compile(r"^(?:[\u4e00-\u9fff]{2,4}[ \u3000\u00a0]+){2,}")
_CREDIT = re.compile(r"圖片|图片|攝影|摄影|供圖|供图|提供|報道|报道|記者|记者")
_NOTICE_HEADING = re.compile(r"聲明|声明|版權|版权|免責|免责|[Cc]opyright")
#: A site advertisement: a web address with the words e-book sites put around it.
_WEB_ADDRESS = re.compile(
    r"https?://|www\.|[a-z0-9-]+\.(?:com|net|org|cn|cc|la|tw|info)\b", re.IGNORECASE
)
_SITE_WORDS = re.compile(
    r"小[说說]|[电電]子[书書]|txt|[书書]友|本站|收藏|下[载載]|[访訪]问|訪問|[阅閱][读讀]|[网網]站",
    re.IGNORECASE,
)
_ADVERT_MAX = 150

_Line = BodyLine

#: A non-blank line, from its first non-space character to the end of the line.
_NON_BLANK = re.compile(r"\S[^\n]*")
#: Dense documents: recognised line by line, a non-blank line costs up to LINE_COST bytes
#: of memory whatever its length (a 256 MiB file of one-character lines: tens of
#: gigabytes). A text is dense when its lines would cost more than twice its size in
#: UTF-8 plus DENSE_ALLOWANCE (the memory target: the text, twice more, 200 MB), and it
#: has at least DENSE_MIN_LINES non-blank lines.
LINE_COST = 500
DENSE_ALLOWANCE = 200_000_000
DENSE_MIN_LINES = 400_000
#: At most one outline entry per this many characters of a dense document: a file made
#: of nothing but `第N章` lines gets no outline rather than millions of entries.
_DENSE_CHARS_PER_HEADING = 500
#: A dense document's text is shown in blocks of about this many characters.
_DENSE_BLOCK = 2048
#: Lines a dense document's outline is looked for in: `第…` and `卷…`, up to 50 characters
#: (found where they start, which is faster than trying every line's start).
_DENSE_HEADING = re.compile(r"(?m)[第卷][^\n]{0,49}$")
_LINE_BREAKS = re.compile(r"[^\S\n]*\n\s*")
#: White space that may border a line break (blank lines, indents, CRLF); without it,
#: a block's line breaks are replaced without a regular expression.
_EDGE_SPACE = ("\n\n", "\r", " ", "\t", "\u3000", "\u00a0")
#: Rules that look at the lines around a heading, which a dense document does not keep.
_NEIGHBOUR_RULES = ("underlined", "front-matter", "title-line", "contents")


def recognize(
    text: str,
    *,
    markdown: bool = False,
    fallback_title: str = "",
    rules: ChapterRules = DEFAULT_RULES,
    sources: list[str] | None = None,
) -> Document:
    """Build a `Document` from decoded text.

    `markdown` switches on Markdown syntax (headings, lists, images).
    `fallback_title` names the document when its first line is not a title.
    `rules` switches built-in heading rules off and adds the user's own (plain text only).
    `sources`, when given, receives the rule that found each heading, in order.
    A dense text (hundreds of thousands of short lines) gets its outline from
    `第…`/`卷…` lines only and shows its other lines in blocks of lines.
    """
    if is_dense(text):
        return _recognize_dense(text, fallback_title, rules, sources)
    blocks: list[Block] = []
    metadata = Metadata()
    body = body_lines(text)
    start = 0
    title = ""

    plan = HeadingPlan() if markdown else plan_headings(body, numbered_rank, rules)
    if not markdown and rules.enabled("advert"):
        # A site's advertisement above the title stays visible but is no title.
        while start < len(body) and start not in plan.headings and is_advert(body[start].text):
            ln = body[start]
            blocks.append(Block(BlockKind.NOTICE, ln.text, ln.number, ln.number))
            start += 1
    top = body[start:] if start else body
    if top and start not in plan.headings and (used := _title_lines(top, markdown)):
        first = top[0]
        title = _strip_markdown_heading(first.text) if markdown else first.text
        last = top[used - 1].number
        blocks.append(Block(BlockKind.TITLE, title, first.number, last, level=0))
        used += start
        start = used
        if len(body) > used:
            parsed = parse_metadata(body[used].text)
            if parsed is not None:
                metadata = parsed
                ln = body[used]
                blocks.append(Block(BlockKind.METADATA, ln.text, ln.number, ln.number))
                start = used + 1
    recognizer = _Recognizer(body, start, plan, rules, markdown)
    blocks.extend(recognizer.blocks())
    if sources is not None:
        sources.extend(recognizer.sources)
    return Document(
        title=title or fallback_title,
        blocks=tuple(_normalise_levels(blocks)),
        metadata=metadata,
        text=text,
    )


def body_lines(text: str) -> list[BodyLine]:
    """The non-blank lines of `text`, stripped, with their 1-based line numbers.

    One scan that keeps nothing for a blank line: a file of a million empty
    lines gives an empty list, not a list of a million empty strings.
    """
    body: list[BodyLine] = []
    append = body.append
    count = text.count
    number = 1
    pos = 0
    for m in _NON_BLANK.finditer(text):
        start = m.start()
        number += count("\n", pos, start)
        pos = start
        append(BodyLine(number, m.group().rstrip()))
    return body


def is_dense(text: str, min_lines: int | None = None, allowance: int | None = None) -> bool:
    """True for a text of more short lines than it is worth recognising one by one.

    `min_lines` and `allowance` replace DENSE_MIN_LINES and DENSE_ALLOWANCE (Markdown,
    whose parser costs more per line, asks with smaller ones). Blank lines are
    estimated from `\\n\\n` pairs (an undercount), so the test errs towards dense.
    """
    least = DENSE_MIN_LINES if min_lines is None else min_lines
    lines = _count(text, "\n") + 1
    if lines < least:
        return False
    filled = lines - _count(text, "\n\n") - _count(text, "\n\r\n")
    spare = DENSE_ALLOWANCE if allowance is None else allowance
    return filled >= least and filled * LINE_COST > 2 * _utf8_size(text) + spare


def _utf8_size(text: str) -> float:
    """About how many bytes `text` takes in UTF-8, from slices spread through it."""
    step = max(1, len(text) // 16)
    sample = "".join(text[i : i + 4096] for i in range(0, len(text), step))
    if not sample:
        return 0.0
    return len(text) * len(sample.encode("utf-8", "surrogatepass")) / len(sample)


#: Characters one call into C may scan: recognition runs in a worker thread,
#: and a call over 100M characters would hold the GIL (the window) for 0.1-0.4 s.
_SCAN_STEP = 1 << 22


def _count(text: str, sub: str) -> int:
    """`text.count(sub)` a few million characters at a time (a pair across a cut is missed)."""
    return sum(text.count(sub, i, i + _SCAN_STEP) for i in range(0, len(text), _SCAN_STEP))


def _dense_heading_matches(text: str) -> Iterator[re.Match[str]]:
    """`_DENSE_HEADING`'s matches, searched a few million characters (whole lines) at a time."""
    pos = 0
    while pos < len(text):
        end = text.find("\n", pos + _SCAN_STEP)
        end = len(text) if end == -1 else end + 1
        yield from _DENSE_HEADING.finditer(text, pos, end)
        pos = end


def _recognize_dense(
    text: str, fallback_title: str, rules: ChapterRules, sources: list[str] | None
) -> Document:
    """A dense document: the outline from its `第…`/`卷…` lines, the rest in blocks of lines.

    Each block holds about `_DENSE_BLOCK` characters of consecutive lines
    (blank lines dropped, the others kept apart by LINE_BREAK), so the number
    of blocks follows the size of the text, not its number of lines.
    """
    found: list[tuple[BodyLine, int, int]] = []  # line, where it starts, where it ends
    number, pos = 1, 0
    most = len(text) // _DENSE_CHARS_PER_HEADING + 100
    for m in _dense_heading_matches(text):
        if len(found) > most:
            found = []  # lines of chapter form everywhere: they are the text, not its outline
            break
        begin = text.rfind("\n", 0, m.start()) + 1
        if begin < m.start() and not text[begin : m.start()].isspace():
            continue  # 第 inside a line
        number += text.count("\n", pos, begin)
        pos = begin
        found.append((BodyLine(number, m.group().rstrip()), begin, m.end()))
    for name in _NEIGHBOUR_RULES:
        rules = rules.switched(name, False)
    plan = plan_headings([f[0] for f in found], numbered_rank, rules)
    blocks: list[Block] = []
    pos, line = 0, 1
    for i, (ln, start, end) in enumerate(found):
        planned = plan.headings.get(i)
        if planned is None:
            continue
        _dense_blocks(text, pos, start, line, blocks)
        if planned.prefix:
            blocks.append(Block(BlockKind.NOTICE, planned.prefix, ln.number, ln.number))
        blocks.append(Block(BlockKind.HEADING, planned.title, ln.number, ln.number, planned.rank))
        if sources is not None:
            sources.append(planned.rule)
        pos, line = end, ln.number
    _dense_blocks(text, pos, len(text), line, blocks)
    return Document(
        title=fallback_title,
        blocks=tuple(_normalise_levels(blocks)),
        metadata=Metadata(),
        text=text,
    )


def _dense_blocks(text: str, a: int, b: int, line: int, out: list[Block]) -> None:
    """Append the paragraphs of `text[a:b]` (line `line` at `a`) in blocks of lines."""
    while a < b:
        cut = min(b, a + _DENSE_BLOCK)
        if cut < b:
            # End the block at a line's end when one comes soon; a long line is cut.
            nl = text.find("\n", cut, min(b, cut + _DENSE_BLOCK))
            cut = nl + 1 if nl != -1 else cut
        chunk = text[a:cut]
        shown = chunk.strip()
        if shown:
            first = line + chunk.count("\n", 0, len(chunk) - len(chunk.lstrip()))
            last = first + shown.count("\n")
            if any(space in shown for space in _EDGE_SPACE):
                shown = _LINE_BREAKS.sub(LINE_BREAK, shown)
            else:
                shown = shown.replace("\n", LINE_BREAK)
            out.append(Block(BlockKind.PARAGRAPH, shown, first, last))
        line += chunk.count("\n")
        a = cut


def is_advert(text: str) -> bool:
    """True for an e-book site's advertisement line: a web address and the site's words."""
    return (
        len(text) <= _ADVERT_MAX
        and ("." in text or "．" in text)
        and _WEB_ADDRESS.search(text) is not None
        and _SITE_WORDS.search(text) is not None
    )


def parse_metadata(line: str) -> Metadata | None:
    """Parse a header line such as `2022-10-17 11:33:18來源: 重慶日報編輯: 付意菲`."""
    labels = list(_META_LABEL.finditer(line))
    date = _DATE.search(line)
    if not labels or (date is None and len(labels) < 2):
        return None
    fields: dict[str, str] = {}
    if date is not None and date.start() < labels[0].start():
        fields["published"] = date.group("date").strip()
    for i, m in enumerate(labels):
        end = labels[i + 1].start() if i + 1 < len(labels) else len(line)
        fields.setdefault(_META_LABELS[m.group(1)], line[m.end() : end].strip())
    return Metadata(**fields)


def chapter_rank(text: str) -> int:
    """1 for 卷/部/编-type lines, 2 for 章/回/齣, 3 for 節; 0 when the line is no chapter line.

    This judges the line alone; in a document, a series of lines of the same
    form (`第一出開宗`, `第二出訪友`, …) can make headings of weaker forms too.
    """
    if len(text) > 50 or ends_like_sentence(text):
        return 0
    chapter = chapter_line(text)
    if chapter is not None:
        unit, _number, alone = chapter
        if not alone:
            return 0
        rank = UNIT_RANKS[unit]
        return 1 if rank < UNIT_RANKS["章"] else 2 if rank == UNIT_RANKS["章"] else 3
    if _NOVEL_PARTS.match(text) and len(text) <= SHORT_LINE:
        return 2
    return 0


def numbered_rank(text: str) -> int:
    """1 for `一、`, 2 for `（一）`, 3 for `1.`/`1、` when the line can be a heading, else 0."""
    if len(text) > SHORT_LINE or ends_like_sentence(text) or not _plausible_heading(text):
        return 0
    for rank, pattern in enumerate(_NUMBERED, start=1):
        m = pattern.match(text)
        if m is not None and text[m.end() :].strip():
            return rank
    return 0


# Raw heading ranks before normalisation: smaller is higher in the outline.
# Units rank 5 (部) to 35 (bare numerals), see reader.core.headings.UNIT_RANKS.
_RANK_STANDALONE = 40
_RANK_NUMBERED = 40  # 一、 sits with stand-alone headings; （一） and 1. below it


class _Recognizer:
    """Walks the lines after the title block and classifies each."""

    def __init__(
        self,
        body: Sequence[_Line],
        start: int,
        plan: HeadingPlan,
        rules: ChapterRules,
        markdown: bool,
    ):
        self.body = body
        self.start = start  # the lines before it are the title block
        self.markdown = markdown
        self.fence = ""
        self.plan = plan
        self.numbered = rules.enabled("numbered")
        self.standalone = rules.enabled("standalone")
        self.advert = rules.enabled("advert")
        self.sources: list[str] = []  # the rule of each heading

    def blocks(self) -> list[Block]:
        out: list[Block] = []
        in_notice = False
        i = self.start
        body = self.body
        plan = self.plan
        while i < len(body):
            ln = body[i]
            text = ln.text
            nxt = body[i + 1] if i + 1 < len(body) else None
            if self.markdown:
                block, consumed = self._markdown(i)
                if block is not None:
                    out.append(block)
                i += consumed
                continue
            if _FIGURE.match(text):
                if nxt is not None and self._is_caption(nxt):
                    out.append(
                        Block(BlockKind.FIGURE, text, ln.number, nxt.number, caption=nxt.text)
                    )
                    i += 2
                else:
                    out.append(Block(BlockKind.FIGURE, text, ln.number, ln.number))
                    i += 1
                continue
            planned = plan.headings.get(i)
            if planned is not None:
                in_notice = False
                if planned.prefix:
                    # Scraping residue (`《》目录`) stays visible, but not in the title.
                    out.append(Block(BlockKind.NOTICE, planned.prefix, ln.number, ln.number))
                end = body[max(planned.end, i)].number
                out.append(Block(BlockKind.HEADING, planned.title, ln.number, end, planned.rank))
                self.sources.append(planned.rule)
                i = max(planned.end, i) + 1
                continue
            if i in plan.contents:
                kind = BlockKind.LIST_ITEM if i - 1 in plan.contents else BlockKind.PARAGRAPH
                out.append(Block(kind, text, ln.number, ln.number))
            elif in_notice or (self.advert and is_advert(text)):
                out.append(Block(BlockKind.NOTICE, text, ln.number, ln.number))
            elif _SUBTITLE.match(text):
                out.append(Block(BlockKind.SUBTITLE, text, ln.number, ln.number))
            elif self._is_byline(text):
                out.append(Block(BlockKind.BYLINE, text, ln.number, ln.number))
            elif text.startswith(_LIST_MARKERS):
                out.append(Block(BlockKind.LIST_ITEM, text, ln.number, ln.number))
            elif (
                self.numbered
                and (rank := numbered_rank(text))
                and numbered_style(text) not in plan.list_styles
            ):
                out.append(self._heading(ln, _RANK_NUMBERED + rank - 1))
                self.sources.append("numbered")
            elif self.standalone and self._is_standalone_heading(i):
                out.append(self._heading(ln, _RANK_STANDALONE))
                self.sources.append("standalone")
                in_notice = bool(_NOTICE_HEADING.search(text))
            else:
                out.append(Block(BlockKind.PARAGRAPH, text, ln.number, ln.number))
            i += 1
        return out

    def _heading(self, ln: _Line, rank: int) -> Block:
        return Block(BlockKind.HEADING, ln.text, ln.number, ln.number, level=rank)

    def _is_caption(self, ln: _Line) -> bool:
        text = ln.text
        return (
            len(text) <= _CAPTION_MAX
            and not _FIGURE.match(text)
            and not chapter_rank(text)
            and not ends_like_sentence(text)
        )

    def _is_byline(self, text: str) -> bool:
        if len(text) > _CAPTION_MAX or ends_like_sentence(text):
            return False
        if _BYLINE_START.match(text):
            return True
        return bool(_NAME_RUN.match(text + " ")) and bool(_CREDIT.search(text))

    def _is_standalone_heading(self, i: int) -> bool:
        """A short line between blank lines, followed by body text, not one of a run."""
        ln = self.body[i]
        if not self._heading_shaped(ln) or not _plausible_heading(ln.text):
            return False
        if not self._alone(i):
            return False
        nxt = self.body[i + 1] if i + 1 < len(self.body) else None
        if nxt is None or not self._is_body_text(nxt.text):
            return False
        prev = self.body[i - 1] if i > self.start else None
        return prev is None or not self._heading_shaped(prev) or self._classified(i - 1)

    def _heading_shaped(self, ln: _Line) -> bool:
        text = ln.text
        return (
            len(text) <= SHORT_LINE
            and not ends_like_sentence(text)
            and any(ch.isalnum() for ch in text)
            and not text.startswith(_LIST_MARKERS)
        )

    def _classified(self, i: int) -> bool:
        # Lines another rule already claimed do not make a run of headings.
        text = self.body[i].text
        return (
            bool(_FIGURE.match(text) or _SUBTITLE.match(text) or self._is_byline(text))
            or i in self.plan.headings
        )

    @staticmethod
    def _is_body_text(text: str) -> bool:
        return len(text) > SHORT_LINE or ends_like_sentence(text)

    def _alone(self, i: int) -> bool:
        """True when blank lines or the document's edges are above and below body line `i`."""
        body = self.body
        number = body[i].number
        above = i == 0 or body[i - 1].number != number - 1
        return above and (i + 1 == len(body) or body[i + 1].number != number + 1)

    def _markdown(self, i: int) -> tuple[Block | None, int]:
        """The Markdown block starting at body line `i` and how many lines it used."""
        ln = self.body[i]
        text = ln.text
        if self.fence:
            # Inside fenced code nothing is Markdown: `# comment` is no heading.
            if text.startswith(self.fence):
                self.fence = ""
                return None, 1
            return Block(BlockKind.PARAGRAPH, text, ln.number, ln.number), 1
        if m := _MARKDOWN_FENCE.match(text):
            self.fence = m.group(1)
            return None, 1
        if m := _MARKDOWN_HEADING.match(text):
            return self._heading(_Line(ln.number, m.group(2)), len(m.group(1))), 1
        if m := _MARKDOWN_IMAGE.match(text):
            return Block(
                BlockKind.FIGURE, m.group("src"), ln.number, ln.number, caption=m.group("alt")
            ), 1
        if _MARKDOWN_RULE.match(text):
            return None, 1
        if m := _MARKDOWN_LIST.match(text):
            return Block(BlockKind.LIST_ITEM, m.group(1), ln.number, ln.number), 1
        if text.startswith(">"):
            return Block(BlockKind.QUOTE, text.lstrip("> "), ln.number, ln.number), 1
        nxt = self.body[i + 1] if i + 1 < len(self.body) else None
        if nxt is not None and nxt.number == ln.number + 1 and _MARKDOWN_SETEXT.match(nxt.text):
            level = 1 if nxt.text[0] == "=" else 2
            return Block(BlockKind.HEADING, text, ln.number, nxt.number, level), 2
        # A paragraph runs until a blank line: Markdown joins its lines.
        parts = [text]
        j = i + 1
        while (
            j < len(self.body)
            and self.body[j].number == self.body[j - 1].number + 1
            and not _starts_markdown_block(self.body[j].text)
        ):
            parts.append(self.body[j].text)
            j += 1
        return Block(
            BlockKind.PARAGRAPH, _join_lines(parts), ln.number, self.body[j - 1].number
        ), j - i


def _plausible_heading(text: str) -> bool:
    """Chinese words; no full stop inside, code, commands or table columns (`C-x C-f   寻找`)."""
    return (
        bool(_CJK.search(text))
        and not any(ch in text[:-1] for ch in "。！？")
        and not _CODE_LIKE.search(text)
        and not _COLUMN_GAP.search(text)
    )


def _starts_markdown_block(text: str) -> bool:
    return bool(
        _MARKDOWN_HEADING.match(text)
        or _MARKDOWN_LIST.match(text)
        or _MARKDOWN_IMAGE.match(text)
        or _MARKDOWN_FENCE.match(text)
        or text.startswith(">")
    )


def _join_lines(parts: list[str]) -> str:
    """Join wrapped Markdown lines: no space between CJK characters, one between words."""
    out = parts[0]
    for part in parts[1:]:
        if out and part and out[-1].isascii() and part[0].isascii():
            out += " " + part
        else:
            out += part
    return out


def _title_lines(body: Sequence[_Line], markdown: bool) -> int:
    """How many lines the document's title takes at the top of `body` (0: no title)."""
    first = body[0]
    text = first.text
    second = body[1] if len(body) > 1 and body[1].number == first.number + 1 else None
    if markdown:
        m = _MARKDOWN_HEADING.match(text)
        if m is not None and len(m.group(1)) == 1:
            return 1
        return 2 if second is not None and second.text.startswith("===") else 0
    if second is not None and is_underline(second.text):
        return 0  # an underlined first line is the first section's heading
    return int(
        len(text) <= 40
        and not ends_like_sentence(text)
        and not chapter_rank(text)
        and not numbered_rank(text)
        and not _FIGURE.match(text)
        and not text.startswith(_LIST_MARKERS)
    )


def _strip_markdown_heading(text: str) -> str:
    m = _MARKDOWN_HEADING.match(text)
    return m.group(2) if m else text


def _normalise_levels(blocks: list[Block]) -> list[Block]:
    """Replace raw heading ranks by dense levels 1, 2, 3, … in rank order."""
    ranks = sorted({b.level for b in blocks if b.kind is BlockKind.HEADING})
    dense = {rank: i + 1 for i, rank in enumerate(ranks)}
    heading = BlockKind.HEADING
    for i, b in enumerate(blocks):
        if b.kind is heading:
            blocks[i] = Block(b.kind, b.text, b.line, b.end_line, dense[b.level], b.caption)
    return blocks
