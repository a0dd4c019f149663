"""``python -m stac_mlm``: the ``stac-mlm`` command line."""

from .cli import main

if __name__ == "__main__":
    raise SystemExit(main())
