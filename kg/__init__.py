"""crisis-kg: knowledge graphs of political-crisis news, with evidence down to the sentence."""
__version__ = "0.1.0"
