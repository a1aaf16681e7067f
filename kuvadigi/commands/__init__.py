"""One module per command; each registers itself on `kuvadigi.cliapp.app`."""
