// Module placeholder until its first file lands.
