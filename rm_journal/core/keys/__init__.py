"""Key material and what is derived from a passphrase: no file, no SQL."""
