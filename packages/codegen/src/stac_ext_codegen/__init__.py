"""Build-time generators for a STAC extension modelled in LinkML.

Nothing here knows any field of a particular extension: every fact comes from the LinkML model and
the rules file in the schema directory. See ``model.py`` for the inputs and ``jsonschema.py`` for the
JSON Schema output.
"""
