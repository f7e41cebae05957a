from app.main import cli

cli()
