"""A report as an Excel workbook (SPEC §7): the layout, the template writer, the reader, convert."""
