"""Files on disk: the data folder, durable writes, SQLCipher connections, vault.json."""
