"""Analytics across cases: anonymised facts, and what of them may be published (releases whose
counts expose nobody). No Django here: the web edge fills the facts and shows the releases."""
