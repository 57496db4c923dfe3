"""An EPUB archive, read safely: members one at a time, the package document, paths.

The archive is never extracted and never read whole. It is refused when it is
not a ZIP, is damaged, is encrypted (DRM), or expands beyond the size limit
(zip bombs). XML is parsed by lxml with entity expansion, DTD loading and the
network turned off. Pictures are read only when the view asks (`read_member`).
"""

from __future__ import annotations

import html.entities
import os
import posixpath
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from lxml import etree

from reader.core.loading import (
    DEFAULT_SIZE_LIMIT,
    LoadError,
    TooLargeError,
    read_document_bytes,
)
from reader.core.messages import (
    Notice,
    display_path,
    human_size,
    os_error_reason,
    sizes_apart,
)

_CONTAINER = "META-INF/container.xml"
_ENCRYPTION = "META-INF/encryption.xml"
#: A member that expands more than this many times (and to more than a mebibyte) is a bomb.
MAX_RATIO = 100
_RATIO_FLOOR = 1024 * 1024
#: Font obfuscation (IDPF, Adobe) is listed in encryption.xml but is not DRM.
_FONT_OBFUSCATION = frozenset(
    {"http://www.idpf.org/2008/embedding", "http://ns.adobe.com/pdf/enc#RC"}
)
XHTML_TYPES = frozenset({"application/xhtml+xml", "text/html", "application/x-dtbook+xml"})
NCX_TYPE = "application/x-dtbncx+xml"


class NotAnEpubError(LoadError):
    """The file is not a ZIP archive, so it cannot be an EPUB."""


class DamagedBookError(LoadError):
    """The archive is truncated or corrupt, or its package document cannot be parsed."""


class MissingPartError(LoadError):
    """A part every book needs is missing: container, package document, or any chapter."""


class EncryptedBookError(LoadError):
    """The book's content is encrypted (DRM)."""


class ZipBombError(TooLargeError):
    """The archive expands far beyond its size or the limit."""


def safe_xml_parser() -> etree.XMLParser:
    # No entity expansion (billion laughs), no DTD or network access (external entities);
    # `recover` keeps what a malformed file still holds.
    return etree.XMLParser(
        recover=True,
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        remove_pis=True,
        remove_comments=True,
    )


# The archive and its package document


@dataclass(frozen=True, slots=True)
class ManifestItem:
    """One file the package document lists: its archive member and media type."""

    id: str
    member: str
    media_type: str
    properties: frozenset[str] = frozenset()


@dataclass
class Package:
    """What the package document (OPF) says: metadata, manifest, spine and TOC files."""

    opf: str
    metadata: dict[str, list[str]]
    manifest: dict[str, ManifestItem]
    spine: list[str]
    nav: str = ""
    ncx: str = ""
    cover: str = ""
    opf_lang: str = ""
    warnings: list[str] = field(default_factory=list)


class EpubArchive:
    """An opened EPUB: checked against bombs and DRM, members read one at a time."""

    def __init__(self, path: str | os.PathLike[str], size_limit: int = DEFAULT_SIZE_LIMIT):
        self.path = Path(path)
        self.name = display_path(self.path)
        self.size_limit = size_limit
        self.read_total = 0
        _check_file(self.path, size_limit)
        try:
            self.zip = zipfile.ZipFile(self.path)
        except zipfile.BadZipFile:
            with self.path.open("rb") as f:
                head = f.read(4)
            if head.startswith(b"PK"):
                raise DamagedBookError(
                    f"{self.name}: the EPUB archive is damaged or truncated",
                    "damaged-book",
                    path=self.name,
                ) from None
            raise NotAnEpubError(
                f"{self.name}: not an EPUB (not a ZIP archive)", "not-an-epub", path=self.name
            ) from None
        except OSError as exc:
            raise DamagedBookError(
                f"{self.name}: cannot be read ({os_error_reason(exc)})"
            ) from None
        self.infos = {info.filename: info for info in self.zip.infolist()}
        self._lower: dict[str, str] | None = None
        self._check_sizes()

    def close(self) -> None:
        """Close the archive file."""
        self.zip.close()

    def __enter__(self) -> EpubArchive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _check_sizes(self) -> None:
        total = sum(info.file_size for info in self.infos.values())
        # Pictures are read lazily, so the archive may hold more than the text limit;
        # twice the limit is still far below any bomb.
        if total > 2 * self.size_limit:
            expands, limit = sizes_apart(total, 2 * self.size_limit)
            raise ZipBombError(
                f"{self.name}: the archive expands to {expands}, over the limit of {limit}"
            )
        for info in self.infos.values():
            check_ratio(self.name, info)

    def has(self, member: str) -> bool:
        """True when the archive holds `member`."""
        return member in self.infos

    def actual(self, member: str) -> str | None:
        """The archive's own name for `member`, which books made on Windows sometimes spell
        in another case than their manifest; None when it is not there."""
        if member in self.infos:
            return member
        if self._lower is None:
            self._lower = {name.lower(): name for name in self.infos}
        return self._lower.get(member.lower())

    def read(self, member: str) -> bytes:
        """The bytes of `member`, within what is left of the size limit."""
        info = self.infos[member]
        budget = self.size_limit - self.read_total
        if info.file_size > budget:
            raise ZipBombError(
                f"{self.name}: the book's text is over the limit of {human_size(self.size_limit)}"
            )
        try:
            with self.zip.open(info) as f:
                data = f.read(budget + 1)
        except (zipfile.BadZipFile, EOFError, OSError, ValueError) as exc:
            raise DamagedMemberError(member, str(exc)) from None
        if len(data) > budget:
            raise ZipBombError(
                f"{self.name}: the book's text is over the limit of {human_size(self.size_limit)}"
            )
        self.read_total += len(data)
        return data

    def xml(self, member: str) -> etree._Element | None:
        """`member` parsed as XML (safely), or None when it holds no XML at all."""
        try:
            return etree.fromstring(without_named_entities(self.read(member)), safe_xml_parser())
        except etree.XMLSyntaxError:
            return None

    def package(self) -> Package:
        """Read container.xml, refuse DRM, and parse the package document."""
        if not self.has(_CONTAINER):
            raise MissingPartError(f"{self.name}: not a valid EPUB (no {_CONTAINER})")
        self._refuse_drm()
        container = self._xml_or_damaged(_CONTAINER)
        opf = ""
        for el in container.iter():
            if local_name(el) == "rootfile":
                full = el.get("full-path", "")
                media = el.get("media-type", "application/oebps-package+xml")
                if full and "oebps-package" in media:
                    opf = _clean_member(unquote(full))
                    break
        if not opf:
            raise MissingPartError(f"{self.name}: the container names no package document")
        if not self.has(opf):
            raise MissingPartError(f"{self.name}: the package document {opf} is missing")
        return self._parse_opf(opf, self._xml_or_damaged(opf))

    def _xml_or_damaged(self, member: str) -> etree._Element:
        try:
            root = self.xml(member)
        except DamagedMemberError:
            root = None
        if root is None:
            raise DamagedBookError(f"{self.name}: {member} is damaged (not XML)")
        return root

    def _refuse_drm(self) -> None:
        if not self.has(_ENCRYPTION):
            return
        root = self.xml(_ENCRYPTION)
        if root is None:
            raise EncryptedBookError(
                f"{self.name}: the book is encrypted (DRM)", "encrypted-book", path=self.name
            )
        for data in root.iter():
            if local_name(data) != "encrypteddata":
                continue
            method = next(
                (
                    e.get("Algorithm", "")
                    for e in data.iter()
                    if local_name(e) == "encryptionmethod"
                ),
                "",
            )
            target = next(
                (e.get("URI", "") for e in data.iter() if local_name(e) == "cipherreference"), ""
            )
            if method in _FONT_OBFUSCATION:
                continue
            if not _is_font(target):
                raise EncryptedBookError(
                    f"{self.name}: the book is encrypted (DRM)", "encrypted-book", path=self.name
                )

    def _parse_opf(self, opf: str, root: etree._Element) -> Package:
        base = posixpath.dirname(opf)
        metadata: dict[str, list[str]] = {}
        manifest: dict[str, ManifestItem] = {}
        spine: list[str] = []
        package = Package(opf, metadata, manifest, spine)
        package.opf_lang = root.get("{http://www.w3.org/XML/1998/namespace}lang", "")
        cover_id = ""
        toc_id = ""
        warnings = package.warnings
        for el in root.iter():
            name = local_name(el)
            parent = el.getparent()
            in_metadata = parent is not None and local_name(parent) in ("metadata", "dc-metadata")
            if in_metadata and name in _DC_FIELDS:
                text = " ".join(element_text(el).split())
                if text:
                    metadata.setdefault(name, []).append(text)
            elif name == "meta" and el.get("name") == "cover":
                cover_id = el.get("content", "")
            elif name == "item":
                href = el.get("href", "")
                member = resolve(base, href)
                if member is None:
                    warnings.append(
                        Notice(
                            f"manifest item {href!r} points outside the book; ignored",
                            "manifest-outside",
                            item=repr(href),
                        )
                    )
                    continue
                member = self.actual(member) or member
                item = ManifestItem(
                    el.get("id", ""),
                    member,
                    el.get("media-type", ""),
                    frozenset(el.get("properties", "").split()),
                )
                manifest[item.id] = item
            elif name == "spine":
                toc_id = el.get("toc", "")
            elif name == "itemref":  # non-linear items too: they are part of the book
                spine.append(el.get("idref", ""))
        for item in manifest.values():
            if "nav" in item.properties and not package.nav:
                package.nav = item.member
            if "cover-image" in item.properties and not package.cover:
                package.cover = item.member
        if toc_id in manifest:
            package.ncx = manifest[toc_id].member
        else:
            package.ncx = next(
                (i.member for i in manifest.values() if i.media_type == NCX_TYPE), ""
            )
        if not package.cover and cover_id:
            item = manifest.get(cover_id) or next(
                (i for i in manifest.values() if i.member == resolve(base, cover_id)), None
            )
            package.cover = item.member if item is not None else ""
        if not package.cover:
            package.cover = next(
                (
                    i.member
                    for i in manifest.values()
                    if i.media_type.startswith("image/") and "cover" in i.member.lower()
                ),
                "",
            )
        return package


class DamagedMemberError(Exception):
    """One member cannot be read (bad CRC, cut short); the book may still open without it."""

    def __init__(self, member: str, reason: str):
        super().__init__(reason)
        self.member = member


_DC_FIELDS = frozenset(
    {"title", "creator", "language", "description", "subject", "publisher", "date"}
)


def _check_file(path: Path, size_limit: int) -> None:
    """Refuse what is not a readable regular file within the size limit, reading nothing."""
    try:
        st = path.stat()
        ok = path.is_file() and st.st_size <= size_limit and os.access(path, os.R_OK)
    except OSError:
        ok = False
    if not ok:
        read_document_bytes(path, size_limit)  # raises the loader's own one-line error


def check_ratio(name: str, info: zipfile.ZipInfo) -> None:
    """Refuse a member that expands implausibly (a zip bomb)."""
    if info.file_size > _RATIO_FLOOR and info.file_size > MAX_RATIO * max(1, info.compress_size):
        raise ZipBombError(
            f"{name}: {info.filename} expands {info.file_size // max(1, info.compress_size)} "
            "times; refused as a zip bomb"
        )


def read_member(
    epub_path: str | os.PathLike[str], member: str, limit: int = DEFAULT_SIZE_LIMIT
) -> bytes:
    """The bytes of one archive member (a picture for the view); `LoadError` when it cannot be."""
    name = str(epub_path)
    try:
        with zipfile.ZipFile(epub_path) as zf:
            try:
                info = zf.getinfo(member)
            except KeyError:
                raise MissingPartError(f"{name}: the book has no {member}") from None
            check_ratio(name, info)
            if info.file_size > limit:
                raise TooLargeError(f"{name}: {member} is over the limit of {human_size(limit)}")
            with zf.open(info) as f:
                data = f.read(limit + 1)
    except zipfile.BadZipFile:
        raise DamagedBookError(f"{name}: the EPUB archive is damaged or truncated") from None
    except (OSError, EOFError) as exc:
        raise DamagedBookError(f"{name}: {member} cannot be read ({exc})") from None
    if len(data) > limit:
        raise TooLargeError(f"{name}: {member} is over the limit of {human_size(limit)}")
    return data


# Paths inside the archive


def resolve(base: str, href: str) -> str | None:
    """The archive member `href` names from a file in folder `base`; None for a remote
    address or a path that leaves the archive (`../` above the root, absolute paths)."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        return None
    path = unquote(parts.path)
    if not path:
        return None
    if path.startswith("/"):
        return None
    joined = posixpath.normpath(posixpath.join(base, path))
    if joined.startswith("../") or joined == ".." or joined.startswith("/"):
        return None
    return joined


def _clean_member(path: str) -> str:
    return posixpath.normpath(path).lstrip("/")


def _is_font(member: str) -> bool:
    return member.lower().rsplit(".", 1)[-1] in {"ttf", "otf", "woff", "woff2"}


def local_name(el: etree._Element) -> str:
    """The element's name without namespace, lower case ('' for comments and the like)."""
    tag = el.tag
    if not isinstance(tag, str):
        return ""
    name = _LOCAL_NAMES.get(tag)
    if name is None:
        name = tag.rsplit("}", 1)[-1].split(":")[-1].lower()
        if len(_LOCAL_NAMES) < 4096:  # a hostile book's invented names are not kept
            _LOCAL_NAMES[tag] = name
    return name


_LOCAL_NAMES: dict[str, str] = {}


def element_text(el: etree._Element) -> str:
    """All the text inside `el`."""
    out: list[str] = []
    _collect_text(el, out)
    return "".join(out)


def _collect_text(el: etree._Element, out: list[str]) -> None:
    if el.text and isinstance(el.tag, str):
        out.append(el.text)
    for child in el:
        if isinstance(child.tag, str):
            _collect_text(child, out)
        if child.tail:
            out.append(child.tail)


def without_named_entities(data: bytes) -> bytes:
    """Named entity references as numeric ones: HTML's (`&nbsp;`) and XML's own (`&amp;`)
    by their characters, any other (declared in the file: billion laughs, external
    entities) by nothing, so nothing is ever expanded; a bare `&` is escaped. libxml2 in recovery mode drops the
    named references that follow an error; numeric ones survive."""
    return _NAMED_ENTITY.sub(_numeric_reference, data)


_NAMED_ENTITY = re.compile(
    rb"&(?:([A-Za-z][A-Za-z0-9]{0,31});|(#[0-9]{1,7};|#[xX][0-9A-Fa-f]{1,6};))?"
)


def _numeric_reference(m: re.Match[bytes]) -> bytes:
    if m.group(2):
        return m.group()
    if not m.group(1):
        return b"&#38;"  # a bare ampersand, which recovery would drop
    chars = html.entities.html5.get(m.group(1).decode("ascii") + ";", "")
    return "".join(f"&#{ord(c)};" for c in chars).encode("ascii")
