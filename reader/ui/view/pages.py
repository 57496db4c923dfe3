"""Pages cut between slots, on demand from any position, in either direction.

A slot is what a page may begin or end at: a line of horizontal text, a column of
vertical text. Each block gives its slots as (start, end) along the page's advancing
axis (down for lines, leftwards for columns) in its own coordinates, where 0 is the
block's start with its space before; `extent` is the block's whole length with its
space after. `HorizontalPages` and `VerticalPages` say how their blocks are laid out;
`Pages` fills pages with them forwards and backwards the same way for both.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from reader.core.document import Block
from reader.ui.themes import Theme
from reader.ui.view.layout import Layouter

Slots = list[tuple[float, float]]
Laid = TypeVar("Laid")  # a block laid out: `LaidBlock` or `VerticalBlock`


@dataclass(frozen=True, slots=True)
class PagePart:
    """Slots (columns or lines) [first, last) of block `block` on a page; `offset` is where
    slot `first` begins along the page (vertical: leftwards from the page's right edge,
    horizontal: down from its top)."""

    block: int
    first: int
    last: int
    offset: float


@dataclass(frozen=True, slots=True)
class Page:
    """What one page shows and where the next one starts: (block, slot)."""

    start: tuple[int, int]
    parts: tuple[PagePart, ...]
    next_start: tuple[int, int] | None


class Pages(Generic[Laid]):
    """A document's blocks laid out for one page size, cut into pages between their slots.
    Subclasses lay a block out (`_lay_out`) and say how long a page is along its slots
    (`length`)."""

    def __init__(
        self,
        layouter: Layouter,
        blocks: Sequence[Block],
        texts: Sequence[str],
        theme: Theme,
        width: float,
        height: float,
        cache: int = 400,
        after_block: Callable[[], object] | None = None,
    ):
        self.layouter, self.blocks, self.texts, self.theme = layouter, blocks, texts, theme
        self.width, self.height = width, height
        self.after_block = after_block  # a worker's pause after laying out each block
        self._cache: OrderedDict[int, tuple[Laid, Slots, float]] = OrderedDict()
        self._cache_size = cache

    @property
    def length(self) -> float:
        """How far a page reaches along its slots."""
        raise NotImplementedError

    def _lay_out(self, index: int) -> tuple[Laid, Slots, float]:
        """Block `index` laid out for this page, its slots and its extent."""
        raise NotImplementedError

    def _entry(self, index: int) -> tuple[Laid, Slots, float]:
        found = self._cache.get(index)
        if found is not None:
            self._cache.move_to_end(index)
            return found
        found = self._lay_out(index)
        if self.after_block is not None:
            self.after_block()
        self._cache[index] = found
        if len(self._cache) > self._cache_size:
            self._cache.popitem(last=False)
        return found

    def laid(self, index: int) -> Laid:
        """Block `index` laid out for this page size (cached)."""
        return self._entry(index)[0]

    def slots(self, index: int) -> Slots:
        """(start, end) of each slot of block `index`, in its own coordinates."""
        return self._entry(index)[1]

    def forget(self, indices: Sequence[int] | None = None) -> None:
        """Lay these blocks (all when None) out again when next asked."""
        if indices is None:
            self._cache.clear()
        else:
            for index in indices:
                self._cache.pop(index, None)

    def page(self, start: tuple[int, int], until: tuple[int, int] | None = None) -> Page:
        """The page that begins at slot `start[1]` of block `start[0]`, ending at the latest
        where the page `until` begins (a counted page cut short before the reader's page)."""
        block, slot = start
        parts: list[PagePart] = []
        length = self.length
        at = 0.0
        count = len(self.texts)
        while block < count:
            if until is not None and (block, slot) >= until and parts:
                return Page(start, tuple(parts), until)
            laid, slots, extent = self._entry(block)
            # A page starts at a slot: the space before a block at the top is dropped.
            shift = slots[slot][0] if (slot > 0 or at == 0) and slots else 0.0
            first = slot
            stop = until[1] if until is not None and until[0] == block else len(slots)
            while slot < stop:
                if at + slots[slot][1] - shift > length + 0.5 and (parts or slot > first):
                    break
                slot += 1
            if slot > first:
                parts.append(PagePart(block, first, slot, at + (slots[first][0] - shift)))
            if slot < len(slots):
                return Page(start, tuple(parts), (block, slot))
            at += extent - shift
            if (
                laid.style.keep_with_next
                and block + 1 < count
                and parts
                and parts[0].block != block
            ):
                following = self.slots(block + 1)
                if following and at + following[0][1] > length:  # a heading never ends a page
                    parts.pop()
                    return Page(start, tuple(parts), (block, 0))
            block, slot = block + 1, 0
            if at >= length:
                break
        return Page(start, tuple(parts), (block, 0) if block < count else None)

    def previous_start(self, start: tuple[int, int]) -> tuple[int, int] | None:
        """Where the page before the one beginning at `start` begins, filling backwards."""
        block, slot = start
        if block == 0 and slot == 0:
            return None
        length = self.length
        used = 0.0
        while True:
            if slot == 0:
                block -= 1
                if block < 0:
                    return (0, 0)
                _, slots, extent = self._entry(block)
                slot = len(slots)
                if used > 0 and slots:
                    used += extent - slots[-1][1]  # its space after
            _, slots, _ = self._entry(block)
            while slot > 0:
                top, bottom = slots[slot - 1]
                below = slots[slot][0] if slot < len(slots) else bottom
                if used > 0 and used + (bottom - top) > length + 0.5:
                    # Past a block's last slot (its space after filled the page): the next one.
                    return (block, slot) if slot < len(slots) else (block + 1, 0)
                used += below - top
                slot -= 1
            if slots:
                used += slots[0][0]  # its space before
