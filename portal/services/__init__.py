"""The service layer: the one place for behaviour, used by HTML views, the API and the CLI."""
