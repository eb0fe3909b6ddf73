"""The API's marshmallow schemas: they validate what clients send, shape what they get back,
and (through flask-smorest) are the OpenAPI document. One module per resource, plus ``common``."""
