"""Translators' round trip: segments out to CAT tools and reviewed English back in.

- :mod:`.units` turns documents into exchange units (one per segment, with its stable id,
  state, provenance and glossary terms) and reads the documents to export or check against;
- :mod:`.xliff` (XLIFF 2.0 and 1.2) and :mod:`.po` (gettext PO) write and read review files
  through translate-toolkit's storage classes;
- :mod:`.reviews` decides what an imported file changes in the memory;
- :mod:`.tmx` exports and imports the translation memory as TMX 1.4b.

Heavy imports (translate-toolkit, lxml) happen inside these modules, never at ``toolkit --help``.
"""
