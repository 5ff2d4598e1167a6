"""Actors across cases: the recruiters, employers, workplaces and buyers that accounts name,
recognised as the same one however each case wrote the name (Burmese, Thai, Khmer, Lao or Latin
script, with or without titles and a firm's legal form). No Django here: the web edge keeps the
actors and the case workers' decisions; this room reads names and scores pairs."""
