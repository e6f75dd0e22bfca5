"""Identity: mentions into entities (entities), event mentions of an article into events (events),
and reports of one incident across articles into one event (incidents)."""
