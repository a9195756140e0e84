"""`ipr-check serve`: the self-check page a member unit opens in its browser (SPEC §9).

A Flask application (`app`) on the waitress server (`server`), both from the optional `serve`
extra and imported only by this package. The other modules hold no web code: the settings,
the pages' HTML, checking one upload, the template formats, the short-lived results behind
the download links, and keeping uploads when the office asks for it.
"""
