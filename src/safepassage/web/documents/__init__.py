"""PDF documents (case summaries, referral letters): templates drawn by WeasyPrint with the
project's own fonts. A shared helper: it imports no app; the apps pass it what to show."""
