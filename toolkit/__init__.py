"""Chinese web documents → cleaned, normalised, glossary-checked, translated bilingual site."""

__version__ = "0.1.0"
