"""Terminal tables as tabulate's "simple" format lays them out, aligned by display width so that
Chinese text lines up.

Importing tabulate (with wcwidth, which it uses for the width of Chinese text) costs more than
everything else `ipr-check tasks` does. The tables the views print hold text cells only, in
characters whose display width is known here (ASCII, Latin-1, general punctuation, CJK
ideographs and punctuation, full-width forms): those are laid out here, character for character
as tabulate would. A table with anything else in it (another script, a control character, a cell
that is not text) is left to tabulate itself. `tests/test_tables.py` holds the two to the same
output.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from typing import Any

# Display width by code point, as wcwidth gives it: (first, last, width), in order.
_WIDTHS = (
    (0x20, 0x7E, 1),
    (0xA0, 0xFF, 1),
    (0x2010, 0x2027, 1),
    (0x202F, 0x205E, 1),
    (0x3000, 0x3029, 2),
    (0x3030, 0x303E, 2),
    (0x3400, 0x4DBF, 2),
    (0x4E00, 0x9FFF, 2),
    (0xFF01, 0xFF60, 2),
    (0xFFE0, 0xFFE6, 2),
)
# tabulate's least padding of a column beyond its header.
_MIN_PADDING = 2
_SEPARATOR = "  "
# A cell made of these alone may be a number to tabulate (with thousands separators, say).
_NUMBER_CHARACTERS = frozenset("0123456789,.+-\n")


def table(headers: Sequence[str], rows: Sequence[Sequence[Any]], *, widths: Sequence[int | None] | None = None) -> str:
    laid_out = _simple_table(list(headers), [list(row) for row in rows], list(widths) if widths else None)
    if laid_out is not None:
        return laid_out
    import tabulate  # imported here: only a table this module cannot lay out pays for it

    return tabulate.tabulate(
        rows,
        headers=list(headers),
        tablefmt="simple",
        maxcolwidths=list(widths) if widths else None,
        disable_numparse=True,
    )


def display_width(text: str) -> int | None:
    """The width of `text` on a terminal; None when it holds a character not in `_WIDTHS`."""
    if text.isascii():
        return len(text) if text.isprintable() else None
    total = 0
    for char in text:
        width = _char_width(char)
        if width is None:
            return None
        total += width
    return total


def _char_width(char: str) -> int | None:
    if " " <= char <= "~":
        return 1
    if "\u4e00" <= char <= "\u9fff":  # the common case first: CJK ideographs
        return 2
    code = ord(char)
    for first, last, width in _WIDTHS:
        if code <= last:
            return width if code >= first else None
    return None


def _simple_table(headers: list[str], rows: list[list[Any]], widths: list[int | None] | None) -> str | None:
    columns = len(headers)
    if any(len(row) != columns for row in rows) or (widths is not None and len(widths) != columns):
        return None
    cells = [*headers, *(cell for row in rows for cell in row)]
    if not all(isinstance(cell, str) and (cell == "" or _known(cell)) for cell in cells):
        return None
    if widths is not None:
        wrapped = _wrapped(rows, widths)
        if wrapped is None:
            return None
        rows = wrapped
    multiline = any("\n" in cell for cell in (*headers, *(cell for row in rows for cell in row)))
    padded_columns = []
    column_widths = []
    for index, header in enumerate(headers):
        strings = [row[index].strip() for row in rows]
        least = max(_width(line) for line in header.split("\n")) + _MIN_PADDING
        widest = max([least, *(_width(line) for text in strings for line in text.split("\n"))])
        padded_columns.append([_pad(text, widest, multiline) for text in strings])
        column_widths.append(widest)
    header_cells = [_pad_header(header, width) for header, width in zip(headers, column_widths, strict=True)]
    lines = _row_lines(header_cells, column_widths, multiline)
    lines.append(_SEPARATOR.join("-" * width for width in column_widths).rstrip())
    for padded_row in zip(*padded_columns, strict=True) if rows else ():
        lines.extend(_row_lines(list(padded_row), column_widths, multiline))
    return "\n".join(lines)


def _known(text: str) -> bool:
    """Text this module lays out: every line of known width (a line break, no other control)."""
    return all(display_width(line) is not None for line in text.split("\n"))


def _width(text: str) -> int:
    width = display_width(text)
    assert width is not None  # every cell was checked by `_known`
    return width


def _pad(text: str, width: int, multiline: bool) -> str:
    if not multiline:
        return text + " " * (width - _width(text))
    return "\n".join(line + " " * (width - _width(line)) for line in text.splitlines())


def _pad_header(header: str, width: int) -> str:
    return "\n".join(line + " " * (width - _width(line)) for line in header.split("\n"))


def _row_lines(cells: list[str], widths: list[int], multiline: bool) -> list[str]:
    if not multiline:
        return [_SEPARATOR.join(cells).rstrip()]
    split = [cell.splitlines() for cell in cells]
    count = max(len(lines) for lines in split)
    filled = [lines + [" " * width] * (count - len(lines)) for lines, width in zip(split, widths, strict=True)]
    return [_SEPARATOR.join(lines[index] for lines in filled).rstrip() for index in range(count)]


def _wrapped(rows: list[list[str]], widths: list[int | None]) -> list[list[str]] | None:
    """Cells wrapped to their column's width, line by line, as tabulate's `maxcolwidths` does."""
    result = []
    for row in rows:
        new_row = []
        for cell, width in zip(row, widths, strict=True):
            if width is None or cell == "":
                new_row.append(cell)
                continue
            if cell in ("True", "False") or set(cell) <= _NUMBER_CHARACTERS:
                return None  # tabulate reads these as a boolean or a number before wrapping them
            wrapper = _Wrapper(width=width)
            new_row.append("\n".join("\n".join(wrapper.wrap(line)) for line in cell.splitlines() if line.strip()))
        result.append(new_row)
    return result


class _Wrapper(textwrap.TextWrapper):
    """textwrap's wrapper measuring display width, as tabulate's `_CustomTextWrap` does."""

    @staticmethod
    def _len(item: str) -> int:
        return _width(item)

    def _handle_long_word(self, reversed_chunks: list[str], cur_line: list[str], cur_len: int, width: int) -> None:
        space_left = 1 if width < 1 else width - cur_len
        if self.break_long_words and space_left > 0:
            # As many characters as fit: widths add up, so they are summed one by one.
            chunk = reversed_chunks[-1]
            index = 1
            used = 0
            while index <= len(chunk):
                used += _char_width(chunk[index - 1]) or 0
                if used > space_left:
                    break
                index += 1
            cur_line.append(chunk[: index - 1])
            reversed_chunks[-1] = chunk[index - 1 :]
        elif not cur_line:
            cur_line.append(reversed_chunks.pop())

    def _wrap_chunks(self, chunks: list[str]) -> list[str]:
        lines: list[str] = []
        chunks.reverse()
        while chunks:
            cur_line: list[str] = []
            cur_len = 0
            indent = self.subsequent_indent if lines else self.initial_indent
            width = self.width - self._len(indent)
            if self.drop_whitespace and chunks[-1].strip() == "" and lines:
                del chunks[-1]
            while chunks:
                chunk_len = self._len(chunks[-1])
                if cur_len + chunk_len <= width:
                    cur_line.append(chunks.pop())
                    cur_len += chunk_len
                else:
                    break
            if chunks and self._len(chunks[-1]) > width:
                self._handle_long_word(chunks, cur_line, cur_len, width)
                cur_len = sum(map(self._len, cur_line))
            if self.drop_whitespace and cur_line and cur_line[-1].strip() == "":
                cur_len -= self._len(cur_line[-1])
                del cur_line[-1]
            if cur_line:
                lines.append(indent + "".join(cur_line))
        return lines
