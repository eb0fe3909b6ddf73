"""/api/v1/docs: the API reference, rendered on the server from the OpenAPI document.

No script and no CDN: the page is built from ``api.spec.to_dict()`` (the very
document at /api/v1/openapi.json), so it cannot drift from the code, works
without JavaScript and keeps the site's strict Content-Security-Policy.
"""
from __future__ import annotations

import re

from flask import Blueprint, current_app, render_template

from forum.api.errors import API_PREFIX

bp = Blueprint("api_reference", __name__, url_prefix=API_PREFIX)
METHODS = ("get", "post", "put", "patch", "delete")


def _ref_name(ref: str) -> str:
    return ref.rsplit("/", 1)[-1]


def type_label(schema: dict | None) -> dict:
    """{"text": "list of Post", "ref": "Post" | None} for a property or parameter schema."""
    schema = schema or {}
    if "$ref" in schema:
        return {"text": _ref_name(schema["$ref"]), "ref": _ref_name(schema["$ref"])}
    kind = schema.get("type", "any")
    kinds = [k for k in (kind if isinstance(kind, list) else [kind]) if k != "null"]
    nullable = isinstance(kind, list) and "null" in kind
    if kinds == ["array"]:
        inner = type_label(schema.get("items"))
        label = {"text": f"list of {inner['text']}", "ref": inner["ref"]}
    elif "allOf" in schema or "anyOf" in schema:
        refs = [s for s in schema.get("allOf", []) + schema.get("anyOf", []) if "$ref" in s]
        label = type_label(refs[0]) if refs else {"text": "object", "ref": None}
        nullable = nullable or any(s.get("type") == "null" for s in schema.get("anyOf", []))
    else:
        text = "/".join(kinds) or "any"
        if schema.get("format"):
            text += f" ({schema['format']})"
        label = {"text": text, "ref": None}
    if schema.get("enum"):
        label["text"] += ": " + ", ".join(str(v) for v in schema["enum"] if v is not None)
    if nullable:
        label["text"] += " or null"
    return label


def _limits(schema: dict) -> str:
    bits = []
    for key, word in (("minLength", "at least {} characters"), ("maxLength", "at most {} characters"),
                      ("minimum", "from {}"), ("maximum", "up to {}")):
        if key in schema:
            bits.append(word.format(schema[key]))
    return ", ".join(bits)


def _response_schema(response: dict, components: dict) -> dict | None:
    if "$ref" in response:
        response = components.get("responses", {}).get(_ref_name(response["$ref"]), {})
    for media, content in (response.get("content") or {}).items():
        return {"media": media, **type_label(content.get("schema"))}
    return None


def _operation(path: str, method: str, op: dict, components: dict) -> dict:
    body = op.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema")
    responses = []
    for code, response in op.get("responses", {}).items():
        resolved = components.get("responses", {}).get(_ref_name(response["$ref"]), {}) \
            if "$ref" in response else response
        responses.append({"code": code, "description": resolved.get("description", ""),
                          "schema": _response_schema(response, components)})
    params = [{"name": p["name"], "in": p["in"], "required": p.get("required", False),
               "type": type_label(p.get("schema")), "limits": _limits(p.get("schema", {})),
               "description": p.get("description") or p.get("schema", {}).get("description", "")}
              for p in op.get("parameters", []) if "name" in p]
    return {"method": method.upper(), "path": path, "anchor": re.sub(r"[^a-z0-9]+", "-", f"{method} {path}".lower()),
            "summary": op.get("summary", ""), "description": op.get("description", ""),
            "writes": method != "get", "params": params, "body": type_label(body) if body else None,
            "responses": responses}


def _schema(name: str, schema: dict) -> dict:
    required = set(schema.get("required", []))
    props = [{"name": key, "type": type_label(value), "required": key in required, "limits": _limits(value),
              "description": value.get("description", "")}
             for key, value in schema.get("properties", {}).items()]
    return {"name": name, "description": schema.get("description", ""), "properties": props}


def reference(spec: dict) -> dict:
    """The page's view of the document: tags with their operations, then the schemas."""
    components = spec.get("components", {})
    by_tag: dict[str, list] = {tag["name"]: [] for tag in spec.get("tags", [])}
    for path, item in spec.get("paths", {}).items():
        for method in METHODS:
            if method in item:
                op = item[method]
                by_tag.setdefault((op.get("tags") or ["Other"])[0], []).append(_operation(path, method, op, components))
    tags = [{"name": t["name"], "description": t.get("description", ""), "operations": by_tag.get(t["name"], [])}
            for t in spec.get("tags", [])]
    schemas = [_schema(name, s) for name, s in sorted(components.get("schemas", {}).items())]
    return {"title": spec["info"]["title"], "version": spec["info"]["version"], "tags": tags, "schemas": schemas}


@bp.route("/docs")
def docs():
    spec = current_app.extensions["askwell_api"].spec.to_dict()
    return render_template("api/docs.html", ref=reference(spec), api_prefix=API_PREFIX)
