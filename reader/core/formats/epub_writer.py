"""A converted copy of an EPUB: the same book with its text in another script.

Only characters of text change: every text node of the content documents
(the spine, the nav), the NCX's labels and the package's title, creators,
description and subjects, plus the language tags (`xml:lang`, `lang`,
`dc:language`) that name Chinese. Markup, attributes, CSS, pictures and fonts
are copied unchanged; code (`pre`, `code`, `kbd`, `samp`) and scripts are left
as written, as the reader does on screen.

Text is converted per paragraph and mapped back onto its text nodes, so a
phrase split by inline markup (`<b>头</b>发`) converts as one phrase (頭髮, not
頭發). The markup is tokenised, not parsed and re-serialised, which is what
keeps it byte for byte.
"""

from __future__ import annotations

import codecs
import os
import re
import shutil
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reader.core.convert import Chain, ScriptMode, convert
from reader.core.files import atomic_path
from reader.core.formats.epub_archive import (
    NCX_TYPE,
    XHTML_TYPES,
    DamagedMemberError,
    EpubArchive,
)
from reader.core.loading import DEFAULT_SIZE_LIMIT

#: The language tag a converted book declares, by the script it was converted to.
LANGUAGE_TAGS = {
    ScriptMode.SIMPLIFIED: "zh-CN",
    ScriptMode.TRADITIONAL: "zh-Hant",
    ScriptMode.TAIWAN: "zh-TW",
    ScriptMode.HONGKONG: "zh-HK",
}

_LANG_ATTR = re.compile(r"""(\s(?:xml:)?lang\s*=\s*)(["'])(zh[^"']*)\2""", re.I)
_DC_LANGUAGE = re.compile(r"<\s*(?:[\w-]+:)?language[\s>]", re.I)
_XML_ENCODING = re.compile(rb"""^<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")

#: Elements whose text is never converted (code as on screen, scripts and styles).
_KEEP = frozenset({"script", "style", "code", "pre", "kbd", "samp", "math", "var"})
#: Elements that end a paragraph for conversion: a phrase never spans them.
_BREAKS = frozenset(
    {
        "p", "div", "section", "article", "aside", "header", "footer", "main", "nav", "body",
        "html", "head", "title", "center", "address", "figure", "figcaption", "blockquote",
        "pre", "table", "tr", "td", "th", "thead", "tbody", "tfoot", "caption", "ul", "ol",
        "li", "dl", "dt", "dd", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "br", "img", "rt",
        "rp", "rb", "rtc", "svg", "math", "hgroup", "details", "summary", "option", "button",
        "textarea", "select", "label", "legend", "fieldset",
        # OPF and NCX
        "metadata", "meta", "navpoint", "navlabel", "text", "doctitle", "docauthor",
    }
)  # fmt: skip
#: Package metadata converted; identifiers, dates and rights stay as they are.
_OPF_TEXT = frozenset({"title", "creator", "contributor", "description", "subject", "publisher"})


@dataclass(frozen=True, slots=True)
class ConvertedBook:
    """What `convert_epub` did: documents rewritten, characters converted, and problems."""

    documents: int
    characters: int
    warnings: tuple[str, ...] = ()


def language_tag(mode: ScriptMode) -> str:
    """The BCP 47 tag for a book converted to `mode` ('' for the original script)."""
    return LANGUAGE_TAGS.get(mode, "")


def convert_epub(
    src: str | os.PathLike[str],
    dst: str | os.PathLike[str],
    chain: Chain | Callable[[str], Chain],
    language: str = "",
    size_limit: int = DEFAULT_SIZE_LIMIT,
    fixes: Callable[[Sequence[str], list[str]], list[str]] | None = None,
) -> ConvertedBook:
    """Write `dst`, a copy of the EPUB `src` with its text converted through `chain` and its
    Chinese language tags set to `language` (kept when empty); the write is atomic. `chain`
    may be a function of the book's text (its script detected from the paragraphs read
    anyway, not from a second reading of the book). Raises `LoadError` for a bad book
    and `OSError` when `dst` cannot be written."""
    with EpubArchive(src, size_limit) as archive:
        package = archive.package()
        xhtml = {
            i.member
            for i in package.manifest.values()
            if i.media_type in XHTML_TYPES and archive.has(i.member)
        }
        ncx = {
            i.member
            for i in package.manifest.values()
            if i.media_type == NCX_TYPE and archive.has(i.member)
        }
        # First pass: every text member tokenised, its paragraphs gathered.
        documents: dict[str, _Document] = {}
        warnings: list[str] = []
        for member in sorted(xhtml | ncx | {package.opf}):
            try:
                data = archive.read(member)
            except DamagedMemberError:
                warnings.append(f"{member} is damaged; copied as it was")
                continue
            kind = "opf" if member == package.opf else "ncx" if member in ncx else "xhtml"
            doc = _Document.parse(data, kind)
            if doc is None:
                warnings.append(f"{member} is not UTF-8 or UTF-16 text; copied as it was")
                continue
            documents[member] = doc
        if callable(chain):
            chain = chain("\n".join(d.text_of(p) for d in documents.values() for p in d.paragraphs))
        # Second pass, member by member in the original order: each document converted (its
        # paragraphs in one call, joined by line breaks: no OpenCC phrase spans one) and written.
        characters = 0
        with atomic_path(dst) as tmp, zipfile.ZipFile(tmp, "w") as out:
            mimetype = zipfile.ZipInfo("mimetype", date_time=(1980, 1, 1, 0, 0, 0))
            out.writestr(mimetype, b"application/epub+zip", compress_type=zipfile.ZIP_STORED)
            for info in archive.zip.infolist():
                if info.filename == "mimetype" or info.is_dir():
                    continue
                doc = documents.get(info.filename)
                if doc is None:
                    _copy_member(archive.zip, info, out)
                    continue
                characters += doc.convert(chain, fixes)
                target = _copy_info(info, zipfile.ZIP_DEFLATED)
                out.writestr(target, doc.serialise(language), compresslevel=_LEVEL)
        return ConvertedBook(len(documents), characters, tuple(warnings))


#: Deflate level of rewritten documents: 1 compresses 3× faster than zlib's default 6 and
#: makes Chinese XHTML 5–7% larger (docs/epub.md).
_LEVEL = 1


def _convert_lines(sources: Sequence[str], chain: Chain) -> list[str]:
    if not chain or not sources:
        return list(sources)
    # A paragraph's own line breaks are white space to OpenCC, so they survive; count them
    # to cut the result back into paragraphs.
    joined = convert("\n".join(sources), chain)
    lines = joined.split("\n")
    out = []
    pos = 0
    for source in sources:
        n = source.count("\n") + 1
        out.append("\n".join(lines[pos : pos + n]))
        pos += n
    if pos != len(lines):  # never expected: fall back to one call per paragraph
        return [convert(s, chain) for s in sources]
    return out


class _Document:
    """A text member as tokens: markup kept as written, text tokens converted in place."""

    def __init__(
        self,
        tokens: list[str],
        paragraphs: list[list[int]],
        encoding: str,
        bom: bytes,
        kind: str,
        described: list[int] | None = None,
    ):
        self.kind = kind
        self.tokens = tokens
        self.paragraphs = paragraphs
        #: Tags with text for readers in an attribute (alt, title, aria-label).
        self.described = described or []
        self.encoding = encoding
        self.bom = bom

    @staticmethod
    def parse(data: bytes, kind: str) -> _Document | None:
        """Tokenise a member (`kind` xhtml, ncx or opf); None when it is not UTF-8/16 text
        or the encoding it declares."""
        bom = b""
        encoding = "utf-8"
        for mark, codec in (
            (codecs.BOM_UTF8, "utf-8"),
            (codecs.BOM_UTF16_LE, "utf-16-le"),
            (codecs.BOM_UTF16_BE, "utf-16-be"),
        ):
            if data.startswith(mark):
                bom, encoding = mark, codec
                break
        else:
            if m := _XML_ENCODING.match(data):
                encoding = m.group(1).decode("ascii").lower()
        try:
            text = data[len(bom) :].decode(encoding)
        except (UnicodeDecodeError, LookupError):
            return None
        tokens: list[str] = []
        paragraphs: list[list[int]] = []
        current: list[int] = []
        stack: list[str] = []
        described: list[int] = []
        keep = 0  # depth inside elements never converted
        pos = 0

        def end_paragraph() -> None:
            nonlocal current
            if current:
                paragraphs.append(current)
                current = []

        for m in _MARKUP.finditer(text):
            start = m.start()
            if start > pos:
                piece = text[pos:start]
                tokens.append(piece)
                if not keep and not piece.isspace() and _converted(kind, stack):
                    current.append(len(tokens) - 1)
            token = m.group()
            tokens.append(token)
            pos = m.end()
            name = m.group(2)
            if not name:  # a comment, CDATA, processing instruction or doctype
                continue
            name = name.rpartition(":")[2].lower()
            if (
                kind == "xhtml"
                and not keep
                and name not in _UNDESCRIBED
                and _READ_ATTR.search(token)
            ):
                described.append(len(tokens) - 1)
            if name in _BREAKS:
                end_paragraph()
            if m.group(1):
                if name in stack:
                    while stack:
                        top = stack.pop()
                        if top in _KEEP:
                            keep -= 1
                        if top == name:
                            break
            elif not token.endswith("/>") and name not in _EMPTY:
                stack.append(name)
                if name in _KEEP:
                    keep += 1
        if pos < len(text):
            tokens.append(text[pos:])
            if not keep and not text[pos:].isspace() and _converted(kind, stack):
                current.append(len(tokens) - 1)
        end_paragraph()
        return _Document(tokens, paragraphs, encoding, bom, kind, described)

    def convert(
        self, chain: Chain, fixes: Callable[[Sequence[str], list[str]], list[str]] | None = None
    ) -> int:
        """Convert every paragraph and every attribute read to readers (a picture's
        description, a link's title) through `chain` in place, the paragraphs then through
        the reader's `fixes` (`reader.core.fixes.paragraph_fixer`); returns the characters read."""
        sources = [self.text_of(p) for p in self.paragraphs]
        values = [
            (i, m.span(m.lastindex or 0), m.group(m.lastindex or 0))
            for i in self.described
            for m in _READ_ATTR.finditer(self.tokens[i])
        ]
        results = _convert_lines(sources + [v for _, _, v in values], chain)
        if fixes is not None and chain:
            results[: len(sources)] = fixes(sources, results[: len(sources)])
        for paragraph, source, result in zip(self.paragraphs, sources, results, strict=False):
            if source != result:
                self.replace(paragraph, result, chain)
        # Right to left within a tag, so earlier spans stay where they were.
        for (i, (start, end), value), result in reversed(
            list(zip(values, results[len(sources) :], strict=True))
        ):
            if value != result:
                self.tokens[i] = self.tokens[i][:start] + result + self.tokens[i][end:]
        return sum(map(len, sources)) + sum(len(v) for _, _, v in values)

    def text_of(self, paragraph: list[int]) -> str:
        """The paragraph's text: its text tokens joined."""
        return "".join(self.tokens[i] for i in paragraph)

    def replace(self, paragraph: list[int], result: str, chain: Chain) -> None:
        """Put the converted paragraph back into its text tokens, cut where the source was."""
        pieces = [self.tokens[i] for i in paragraph]
        for i, piece in zip(paragraph, split_like(pieces, result, chain), strict=True):
            self.tokens[i] = piece

    def serialise(self, language: str) -> bytes:
        """The member's bytes: tokens joined, Chinese language tags set to `language`."""
        if language:
            tokens = [
                _LANG_ATTR.sub(lambda m: f"{m.group(1)}{m.group(2)}{language}{m.group(2)}", t)
                if "lang" in t and t.startswith("<") and not t.startswith(("<!", "<?"))
                else t
                for t in self.tokens
            ]
            if self.kind == "opf":
                tokens = _set_dc_language(tokens, language)
        else:
            tokens = self.tokens
        return self.bom + "".join(tokens).encode(self.encoding)


#: Each piece of markup: comments, CDATA, processing instructions, the doctype (with its
#: internal subset, which holds '>' of its own) and tags (group 1 the closing slash, group 2
#: the name). One left open runs to the end of the text; a '<' that starts none of them is
#: text ("a < b"). No alternative backtracks far, so scanning is linear whatever the input.
_MARKUP = re.compile(
    r"<!--.*?(?:-->|\Z)"
    r"|<!\[CDATA\[.*?(?:\]\]>|\Z)"
    r"|<\?.*?(?:\?>|\Z)"
    r"|<![^<>\[]*(?:>|\[[^\]]*(?:\Z|\][^>]*(?:>|\Z)))"
    r"|<\s*(/?)\s*([^\s/<>]*)[^<>]*>",
    re.S,
)
#: Attributes whose value is text for readers: converted like the text (alt, title, aria-label).
_READ_ATTR = re.compile(r"""\s(?:alt|title|aria-label)\s*=\s*(?:"([^"<]*)"|'([^'<]*)')""", re.I)
#: Elements whose `title` is not for readers (a style sheet's title selects it by name).
_UNDESCRIBED = frozenset({"link", "meta", "style", "script"})
#: Elements that never have content.
_EMPTY = frozenset({"br", "img", "hr", "meta", "link", "input"})


def _converted(kind: str, stack: list[str]) -> bool:
    """Whether text here is converted: all of a content document's (outside code), only the
    NCX's labels and the package's descriptive metadata."""
    if kind == "xhtml":
        return True
    if kind == "opf":
        return bool(stack) and stack[-1] in _OPF_TEXT
    return bool(stack) and stack[-1] == "text"


def _set_dc_language(tokens: list[str], language: str) -> list[str]:
    out = list(tokens)
    for i in range(1, len(out) - 1):
        opening = out[i - 1]
        value = out[i].strip()
        if _DC_LANGUAGE.match(opening) and value.lower().startswith("zh"):
            out[i] = out[i].replace(value, language)
    return out


def split_like(pieces: Sequence[str], result: str, chain: Chain) -> list[str]:
    """Cut `result`, the conversion of `"".join(pieces)` through `chain`, into as many
    pieces at the same places. Conversion almost always keeps lengths; where a phrase
    changed length (U盘 → 隨身碟), a cut inside it moves to the phrase's end, so the phrase
    goes whole into the node it started in."""
    source = "".join(pieces)
    if len(result) == len(source):
        out, start = [], 0
        for piece in pieces:
            out.append(result[start : start + len(piece)])
            start += len(piece)
        return out
    out = []
    done_source = done_result = 0  # an aligned place: both sides agree up to here
    cut = 0
    for piece in pieces[:-1]:
        cut += len(piece)
        target = None
        # The smallest step past the cut after which the converted text is what `result`
        # holds there (a phrase across the cut is crossed whole).
        for extra in range(0, _MAX_PHRASE):
            end = min(cut + extra, len(source))
            converted = convert(source[done_source:end], chain)
            if result.startswith(converted, done_result) and (
                end == len(source)
                or not _crosses(source, end, chain, result, done_result + len(converted))
            ):
                target = done_result + len(converted)
                done_source, done_result = end, target
                break
            if end == len(source):
                break
        if target is None:  # no agreement found: cut in proportion
            target = max(done_result, round(cut * len(result) / max(1, len(source))))
        out.append(target)
    pieces_out, start = [], 0
    for end in out:
        end = max(end, start)
        pieces_out.append(result[start:end])
        start = end
    pieces_out.append(result[start:])
    return pieces_out


#: OpenCC's longest phrases are a few characters; a cut is never moved further than this.
_MAX_PHRASE = 8


def _crosses(source: str, end: int, chain: Chain, result: str, at: int) -> bool:
    """True when the text after `end` does not convert to what `result` holds at `at`
    (the place is inside a phrase that converts differently as a whole)."""
    following = convert(source[end : end + _MAX_PHRASE], chain)
    head = following[:1]
    return bool(head) and not result.startswith(head, at)


def _copy_info(info: zipfile.ZipInfo, compress_type: int) -> zipfile.ZipInfo:
    target = zipfile.ZipInfo(info.filename, date_time=info.date_time)
    target.compress_type = compress_type
    target.external_attr = info.external_attr
    target.comment = info.comment
    target.extra = b""
    return target


def _copy_member(source: zipfile.ZipFile, info: zipfile.ZipInfo, out: zipfile.ZipFile) -> None:
    """Copy one member unchanged, streamed (pictures and fonts can be large)."""
    target = _copy_info(info, info.compress_type)
    with source.open(info) as f, out.open(target, "w") as g:
        shutil.copyfileobj(f, g, 1024 * 1024)
