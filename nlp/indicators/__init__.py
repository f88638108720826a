"""Indicator lexicons (YAML data) and the thin engine that matches them; see ``nlp/lexicon.py``."""
