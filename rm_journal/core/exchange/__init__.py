"""Between two devices: identities, the link, the signed exchange file and its merge."""
