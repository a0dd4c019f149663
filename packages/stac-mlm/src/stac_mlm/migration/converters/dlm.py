"""Converters for DLM documents (drafts, beta versions and the documents found in the wild)."""

from __future__ import annotations

import re
from typing import Any

from ... import pointer
from ..context import KEEP, PLACED, REPORTED, Context, Drop, shown
from ..tables import TARGET, facts
from .base import _family, _number, converter
from .common import _map_roles, task_name


# DLM ---------------------------------------------------------------------------------------------
def _first(values: dict[str, Any], *names: str) -> Any:
    for name in names:
        if values.get(name) is not None:
            return values[name]
    return None


@converter
def draft_license(value: Any, context: Context) -> Any:
    """The 2020 draft's license object ({title, description, href}): its title as the STAC license, its
    href as a `license` link titled with its description."""
    if not isinstance(value, dict):
        return KEEP
    title, href, description = value.get("title"), value.get("href"), value.get("description")
    if not isinstance(title, str) or not title.strip():
        return Drop("a license object without a title names no license")
    source = context.path
    pointer.put(context.document, pointer.parse_pointer(source), title.strip())
    context.add(f"{source}/title", "moved", "the license name is the STAC license", title, source)
    placed = {"title"}
    links = context.document.setdefault("links", [])
    if isinstance(href, str) and href and isinstance(links, list):
        link: dict[str, Any] = {"rel": "license", "href": href}
        where = f"/links/{len(links)}"
        context.add(f"{source}/href", "moved", "the license text becomes a `license` link", href, f"{where}/href")
        placed.add("href")
        if isinstance(description, str):
            link["title"] = description
            context.add(
                f"{source}/description",
                "moved",
                "the license description titles the link",
                description,
                f"{where}/title",
            )
            placed.add("description")
        links.append(link)
    for key in [k for k in value if k not in placed]:
        context.add(f"{source}/{key}", "dropped", "no STAC field takes this part of the license", value[key])
    return REPORTED


@converter
def draft_tensor_sizes(values: dict[str, Any], context: Context) -> Any:
    """The 2020 draft's `shape:batch`, `shape:channels`... keys as one `input_tensors` object."""
    return {key.removeprefix("shape:"): value for key, value in values.items()}


@converter
def draft_output_size(value: Any, context: Context) -> Any:
    """The 2020 draft's output `size` ([height, width]) with `noutputs` classes: [batch, classes, height, width]."""
    classes = context.get("/properties/dlm:outputs/noutputs", context.get("/properties/dlm:outputs/number_of_classes"))
    if not (isinstance(value, list) and len(value) == 2 and isinstance(classes, int)):
        return Drop(f"{shown(value)} with {shown(classes)} classes does not give the output's size")
    context.assume("/properties/dlm:outputs/final_layer_size", "the batch size is not given; -1 (any) assumed", -1)
    return [-1, classes, *value]


@converter
def dlm_source_code_asset(values: dict[str, Any], context: Context) -> Any:
    url = values.get("model_src_url")
    commit_key = next((k for k in ("model_commit_hash", "model_src_hash") if values.get(k) is not None), None)
    commit = values.get(commit_key) if commit_key else None
    handler = values.get("model_handler")
    if not url and not handler:
        return Drop("no source code location or handler given")
    key = context.free_asset_key("source_code")
    base = f"/assets/{key}"
    asset: dict[str, Any] = {"title": "Model source code", "roles": ["mlm:source_code", "code"]}
    sources = context.sources
    for name, value in values.items():
        if name not in {"model_src_url", "model_handler", commit_key} or not value:
            context.add(sources[name], "dropped", f"{name} holds no value", value)
    if url:
        pinned = f"{url.rstrip('/')}/tree/{commit}" if commit and "github.com/" in url else url
        asset.update(href=pinned, type="text/html")
        context.add(sources["model_src_url"], "moved", "the source code location", url, f"{base}/href")
        if commit and pinned == url:
            asset["description"] = f"Commit {commit}."
        if commit and commit_key:
            where = f"{base}/href" if pinned != url else f"{base}/description"
            context.add(
                sources[commit_key], "converted", "the commit is pinned in the source code asset", commit, where
            )
    else:
        asset["href"] = "PLACEHOLDER"
        context.add(
            f"{base}/href",
            "placeholder",
            "the source code location is not given; put here: the URL of the model's source code",
            target=f"{base}/href",
        )
        if commit and commit_key:
            asset["description"] = f"Commit {commit}."
            context.add(
                sources[commit_key],
                "moved",
                "kept in the source code asset's description",
                commit,
                f"{base}/description",
            )
    if handler:
        asset["mlm:entrypoint"] = handler
        context.add(
            sources["model_handler"],
            "moved",
            "the inference handler becomes the entrypoint",
            handler,
            f"{base}/mlm:entrypoint",
        )
    context.put(base, asset)
    return REPORTED


@converter
def dlm_requirements_asset(value: Any, context: Context) -> Any:
    if not isinstance(value, str) or not value.strip():
        return Drop(
            "no requirements file is named (the value is empty)"
            if value is None or value == ""
            else f"{shown(value)} is not a file name or URL"
        )
    asset = {"href": value, "type": "text/plain", "title": "Requirements", "roles": ["metadata"]}
    key = context.free_asset_key("requirements")
    context.put(f"/assets/{key}", asset)
    context.target = f"/assets/{key}/href"
    return PLACED


_IMAGE_KEYS = ("image_name", "docker_image", "imagename", "docker:image")
_DOCKERFILE_KEYS = ("docker_file", "dockerfile")


@converter
def dlm_container_assets(value: Any, context: Context) -> Any:
    if not isinstance(value, dict) or not value:
        return Drop(
            "no container is described (the value is empty)" if not value else f"{shown(value)} is not an object"
        )
    roles = ["mlm:inference-runtime", "runtime"]
    media_type = context.common["container_media_type"]
    source = context.path
    image_key = next((k for k in _IMAGE_KEYS if isinstance(value.get(k), str) and value[k]), None)
    file_key = next((k for k in _DOCKERFILE_KEYS if isinstance(value.get(k), str) and value[k]), None)
    if image_key is None and file_key is None:
        return Drop("neither an image nor a Dockerfile is given")
    handled = {image_key, file_key, "tag", "gpu"}
    extras = {k: v for k, v in value.items() if k not in handled and v is not None}
    description = " ".join(f"{k}: {v}." for k, v in extras.items())
    image_asset = file_asset = None
    if image_key:
        image, tag = value[image_key], value.get("tag")
        href = f"{image}:{tag}" if tag and ":" not in str(image) else str(image)
        image_asset = f"/assets/{context.free_asset_key('container')}"
        asset: dict[str, Any] = {"href": href, "type": media_type, "title": "Inference container", "roles": roles}
        if description:
            asset["description"] = description
        if value.get("gpu") is True:
            asset["mlm:accelerator"] = "cuda"
        context.put(image_asset, asset)
        context.add(
            f"{source}/{image_key}", "moved", "the image becomes a container asset", image, f"{image_asset}/href"
        )
        if tag:
            context.add(
                f"{source}/tag", "converted", "the tag is part of the image reference", tag, f"{image_asset}/href"
            )
    if file_key:
        file_asset = f"/assets/{context.free_asset_key('dockerfile')}"
        asset = {"href": value[file_key], "type": "text/plain", "title": "Dockerfile", "roles": roles}
        if description and not image_key:
            asset["description"] = description
        context.put(file_asset, asset)
        context.add(
            f"{source}/{file_key}",
            "moved",
            "the Dockerfile becomes a runtime asset",
            value[file_key],
            f"{file_asset}/href",
        )
    holder = image_asset or file_asset
    for key, extra in extras.items():
        context.add(
            f"{source}/{key}",
            "converted",
            "kept as text in the container asset's description",
            extra,
            f"{holder}/description",
        )
    for key in [k for k, v in value.items() if v is None and k != "gpu"]:
        context.add(f"{source}/{key}", "dropped", "holds no value", None)
    gpu = value.get("gpu")
    if gpu is True and image_asset:
        context.add(
            f"{source}/gpu",
            "assumed",
            "`gpu: true` read as an NVIDIA CUDA GPU (cuda)",
            gpu,
            f"{image_asset}/mlm:accelerator",
        )
    elif gpu is not None:
        context.add(
            f"{source}/gpu",
            "dropped",
            "a container that needs no GPU does not say which accelerator the model uses"
            if gpu is False
            else "no container image to attach the accelerator to",
            gpu,
        )
    return REPORTED


def _channels(tensors: Any) -> int | None:
    tensors = tensors[0] if isinstance(tensors, list) and tensors else tensors
    if isinstance(tensors, dict):
        value = _first(tensors, "channels", "dim")
        return value if isinstance(value, int) else None
    return None


def _band_keys() -> dict[str, str]:
    """Keys of a DLM band object and the raster band field each one becomes (dlm.yaml `band_fields`)."""
    keys: dict[str, str] = _family("dlm")["band_fields"]
    return keys


@converter
def dlm_band_names(values: dict[str, Any], context: Context) -> Any:
    """Band names for the input (from useful_bands, else selected_bands through eo:bands); the band-level
    values of useful_bands (nodata, data type, scale, offset, statistics) become Item-level
    `raster:bands`, which a finishing step moves onto the model asset."""
    selected = values.get("selected_bands")
    useful = values.get("useful_bands")
    sources = context.sources
    channels = _channels(
        context.get("/properties/dlm:inputs/input_tensors", context.get("/properties/dlm:inputs/shape"))
    )
    for key, given in (("useful_bands", useful), ("selected_bands", selected)):
        if given is not None and not isinstance(given, list):
            context.add(sources[key], "dropped", f"{key} must be a list of bands", given)
    useful = useful if isinstance(useful, list) else []
    useful_names = [b.get("name") for b in useful if isinstance(b, dict) and isinstance(b.get("name"), str)]
    eo_bands = context.get("/properties/eo:bands")
    eo_bands = eo_bands if isinstance(eo_bands, list) else []
    via_eo = None
    if isinstance(selected, list) and all(isinstance(i, int) and 0 <= i < len(eo_bands) for i in selected):
        via_eo = [eo_bands[i].get("name") if isinstance(eo_bands[i], dict) else None for i in selected]
        via_eo = via_eo if all(isinstance(n, str) and n for n in via_eo) else None
    target = "/properties/mlm:input/0/bands"
    names: list[Any] | None = None
    if useful_names and len(useful_names) == len(useful) and (channels is None or len(useful_names) == channels):
        names = useful_names
        if via_eo and via_eo != useful_names:
            context.assume(
                target, f"band names taken from useful_bands; selected_bands through eo:bands give {shown(via_eo)}"
            )
    elif via_eo and (channels is None or len(via_eo) == channels):
        names = via_eo
        context.assume(target, "band names found by looking up selected_bands in the Item's eo:bands", via_eo)
    if names is None:
        for key, value in values.items():
            context.add(sources[key], "dropped", "the band indices cannot be resolved to band names", value)
        return REPORTED
    context.put(target, names)
    if "selected_bands" in values:
        how = "useful_bands" if names is useful_names else "eo:bands"
        context.add(
            sources["selected_bands"], "converted", f"band indices become band names (from {how})", selected, target
        )
    if names is useful_names:
        _useful_bands(useful, sources["useful_bands"], context)
    elif "useful_bands" in values:
        context.add(sources["useful_bands"], "dropped", "useful_bands do not match the input's channels", useful)
    return REPORTED


def _useful_bands(useful: list[Any], source: str, context: Context) -> None:
    """Each useful band becomes an Item-level raster band (names, and any band-level values)."""
    keys = _band_keys()
    bands: list[dict[str, Any]] = []
    for index, band in enumerate(useful):
        raster: dict[str, Any] = {}
        target = f"/properties/raster:bands/{index}"
        for key, value in band.items():
            path = f"{source}/{index}/{key}"
            if key == "name":
                raster["name"] = value
                context.add(path, "moved", "the band name", value, f"/properties/mlm:input/0/bands/{index}")
            elif key == "index":
                context.add(
                    path, "dropped", "the band's position in the source imagery; the list order replaces it", value
                )
            elif key in keys and value is not None:
                field = keys[key]
                converted = _raster_type(value) if field == "data_type" else value
                if converted is None:
                    context.add(path, "dropped", f"{shown(value)} is not a data type raster bands know", value)
                    continue
                raster[field] = converted
                action = "moved" if converted == value else "converted"
                context.add(path, action, f"band-level {field} of this band", value, f"{target}/{field}")
            else:
                context.add(path, "dropped", "no raster band field takes this value", value)
        bands.append(raster)
    context.put("/properties/raster:bands", bands)


@converter
def dlm_input_structure(value: Any, context: Context) -> Any:
    tensors = value[0] if isinstance(value, list) and len(value) == 1 else value
    if not isinstance(tensors, dict):
        return Drop(f"{shown(value)} is not a tensor size object")
    channels = _first(tensors, "channels", "dim")
    sizes = [tensors.get("batch", -1), channels, tensors.get("height"), tensors.get("width")]
    if not all(isinstance(s, int) and s >= -1 for s in sizes):
        return Drop(f"{shown(value)} does not give batch, channels, height and width as integers")
    bands = context.get("/properties/mlm:input/0/bands")
    channel_dim = "bands" if bands else "channel"
    scaled = any(context.has(f"/properties/dlm:inputs/{k}") for k in ("scaling_factor", "normalization:mean"))
    data_type = (
        "float32" if scaled else _raster_type(_first(context.get("/properties/dlm:data", {}), "data_type", "dtype"))
    )
    if data_type is None:
        data_type = "float32"
    why = "values are scaled or normalised, so" if scaled else "DLM gives no tensor type;"
    context.assume("/properties/mlm:input/0/input/data_type", f"{why} the tensor type is assumed", data_type)
    return {"shape": sizes, "dim_order": ["batch", channel_dim, "height", "width"], "data_type": data_type}


def _raster_type(numpy_name: Any) -> str | None:
    if not isinstance(numpy_name, str):
        return None
    if numpy_name in facts().data_types:
        return numpy_name
    mapped = _family("dlm")["numpy_data_types"].get(numpy_name)
    return mapped if isinstance(mapped, str) else (mapped or {}).get("value")


@converter
def dlm_value_scaling(values: dict[str, Any], context: Context) -> Any:
    factor = values.get("scaling_factor")
    mean, std = values.get("normalization:mean"), values.get("normalization:std")
    count = (
        max(len(x) for x in (factor, mean, std) if isinstance(x, list))
        if any(isinstance(x, list) for x in (factor, mean, std))
        else 1
    )

    def per_band(x: Any, default: float) -> list[Any] | None:
        if x is None:
            return [default] * count
        if _number(x):
            return [x] * count
        if isinstance(x, list) and len(x) == count and all(_number(v) for v in x):
            return x
        return None

    factors, means, stds = per_band(factor, 1), per_band(mean, 0), per_band(std, 1)
    if factors is None or means is None or stds is None or any(f == 0 for f in factors):
        return Drop("scaling factor, mean and std do not have matching per-band lengths")
    if mean is None and std is None:
        return (
            [{"type": "scale", "value": 1 / f} for f in factors]
            if count > 1
            else [{"type": "scale", "value": 1 / factors[0]}]
        )
    if mean is None or std is None:
        return Drop("a mean without a standard deviation (or the reverse) is not a z-score")
    return [{"type": "z-score", "mean": m / f, "stddev": s / f} for f, m, s in zip(factors, means, stds, strict=True)]


@converter
def dlm_task(value: Any, context: Context) -> Any:
    task = task_name(value, context, "/properties/mlm:tasks")
    if task is None:
        return Drop(f"task {shown(value)} has no {TARGET} equivalent")
    context.put("/properties/mlm:tasks", [task])
    context.put("/properties/mlm:output/0/tasks", [task])
    context.target = "/properties/mlm:tasks"
    return PLACED


@converter
def dlm_result_structure(value: Any, context: Context) -> Any:
    if not isinstance(value, list) or not all(isinstance(s, int) and s >= -1 for s in value):
        return Drop(f"{shown(value)} is not a list of sizes")
    orders = context.common.get("result_dim_orders", {})
    order = orders.get(str(len(value)))
    if not order:
        return Drop(f"no dimension names are known for a result of rank {len(value)}")
    context.assume("/properties/mlm:output/0/result/dim_order", "dimension names inferred from the rank", order)
    context.assume("/properties/mlm:output/0/result/data_type", "DLM gives no output type; float32 assumed", "float32")
    return {"shape": value, "dim_order": list(order), "data_type": "float32"}


@converter
def dlm_classes(values: dict[str, Any], context: Context) -> Any:
    mapping = values.get("class_name_mapping")
    dont_care = values.get("dont_care_index")
    if dont_care is not None and (not isinstance(dont_care, int) or isinstance(dont_care, bool)):
        context.add(context.sources["dont_care_index"], "dropped", "the don't-care index must be an integer", dont_care)
        dont_care = None
    pairs: list[tuple[Any, Any]] = []
    if isinstance(mapping, dict):
        pairs = [(k.removeprefix("I_"), v) for k, v in mapping.items()]
    elif isinstance(mapping, list):
        for entry in mapping:
            if isinstance(entry, dict) and "index" in entry:
                pairs.append((entry["index"], entry.get("class_name")))
            elif isinstance(entry, dict):
                pairs.extend(entry.items())
            else:
                return Drop(f"class mapping entry {shown(entry)} is not an object")
    classes = []
    for key, name in pairs:
        if isinstance(name, dict | list):
            return Drop(f"class name {shown(name)} is not a text")
        if not str(key).lstrip("-").isdigit():
            return Drop(f"class key {shown(key)} is not an integer")
        entry = {"value": int(key), "name": str(name), "description": str(name)}
        if dont_care is not None and int(key) == dont_care:
            entry["nodata"] = True
        classes.append(entry)
    if dont_care is not None and not any(c.get("nodata") for c in classes):
        classes.append({"value": dont_care, "name": "dont-care", "description": "don't care", "nodata": True})
    if not classes:
        return Drop(f"{shown(mapping)} holds no classes")
    return sorted(classes, key=lambda c: c["value"])


@converter
def dlm_source_bands(values: dict[str, Any], context: Context) -> Any:
    """The source imagery's data type and nodata value apply to every band: written on each Item-level
    raster band (a finishing step moves them onto the model asset) unless a band gives its own."""
    sources = context.sources
    bands = context.get("/properties/raster:bands")
    if not isinstance(bands, list) or not bands:
        names = context.get("/properties/mlm:input/0/bands") or []
        bands = [{"name": n} for n in names if isinstance(n, str)]
        if not bands:
            for key, value in values.items():
                context.add(sources[key], "dropped", "the input lists no bands to which this value could apply", value)
            return REPORTED
        context.put("/properties/raster:bands", bands)
    for key, value in values.items():
        field = "data_type" if key in ("data_type", "dtype") else "nodata"
        converted = _raster_type(value) if field == "data_type" else value
        if converted is None:
            reason = "null: no value" if value is None else f"{shown(value)} is not a data type raster bands know"
            context.add(sources[key], "dropped", reason, value)
            continue
        if field == "data_type":
            mapped = _family("dlm")["numpy_data_types"].get(value)
            if isinstance(mapped, dict) and mapped.get("assumed"):
                context.assume("/properties/raster:bands", mapped["note"], converted)
        written = [i for i, band in enumerate(bands) if isinstance(band, dict) and field not in band]
        for index in written:
            bands[index][field] = converted
        if written:
            action = "moved" if converted == value else "converted"
            detail = f"the source imagery's {field}, on every band of the model's input"
            context.add(sources[key], action, detail, value, f"/properties/raster:bands/{written[0]}/{field}")
        else:
            context.add(sources[key], "dropped", f"every band gives its own {field}", value)
    return REPORTED


@converter
def example_links(value: Any, context: Context) -> Any:
    if not isinstance(value, list):
        return Drop(f"{shown(value)} is not a list of examples")
    for index, example in enumerate(value):
        if not (isinstance(example, dict) and isinstance(example.get("url"), str) and example["url"]):
            context.add(f"{context.path}/{index}", "dropped", "an example needs a `url`", example)
            continue
        link = {"rel": "example", "href": example["url"]}
        if isinstance(example.get("title"), str) and example["title"]:
            link["title"] = example["title"]
        elif "title" in example:
            context.add(f"{context.path}/{index}/title", "dropped", "a link title must be a text", example["title"])
        context.put("/links/-", link)
    context.target = "/links"
    return PLACED


@converter
def dlm_archive(value: Any, context: Context) -> Any:
    if not isinstance(value, list) or not any(isinstance(entry, dict) for entry in value):
        return Drop(f"{shown(value)} is not a list of archive files")
    roles_table = _family("dlm")["asset_roles"]
    source = context.path
    for index, entry in enumerate(value):
        path = f"{source}/{index}"
        if not isinstance(entry, dict):
            context.add(path, "dropped", "an archive entry must be an object", entry)
            continue
        role_key = "roles" if "roles" in entry else "role"
        roles = entry.get(role_key, [])
        roles = roles if isinstance(roles, list) else [roles]
        for number, role in enumerate(roles):
            if not isinstance(role, str):
                where = f"{path}/{role_key}" + (f"/{number}" if isinstance(entry[role_key], list) else "")
                context.add(where, "dropped", "an archive role must be a text", role)
        if "name" in entry and not isinstance(entry["name"], str):
            context.add(f"{path}/name", "dropped", "an archive file name must be a text", entry["name"])
        if entry.get("href"):
            asset = {"href": entry["href"], "title": str(entry.get("name", entry["href"])), "roles": []}
            asset["roles"] = _map_roles([r for r in roles if isinstance(r, str)], roles_table) or ["metadata"]
            key = context.free_asset_key(
                re.sub(r"[^A-Za-z0-9_.-]+", "_", str(entry.get("name") or "archive-file")).strip("_.") or "file"
            )
            context.put(f"/assets/{key}", asset)
            context.add(path, "converted", "an archive file with an href becomes an asset", entry, f"/assets/{key}")
            if entry.get(role_key) == []:
                context.add(f"{path}/{role_key}", "dropped", "an empty list of roles", [])
            elif role_key in entry:
                context.add(
                    f"{path}/{role_key}",
                    "converted",
                    "archive roles become asset roles",
                    entry[role_key],
                    f"/assets/{key}/roles",
                )
        else:
            text = f"{entry.get('name')} ({', '.join(map(str, roles))})" if roles else str(entry.get("name"))
            for key in [k for k in entry if k not in ("name", role_key)]:
                detail = "a file inside the model archive is listed by its name and roles only"
                context.add(f"{path}{pointer.format_pointer((key,))}", "dropped", detail, entry[key])
            context.archive_listing.append((path, entry, text))
    return REPORTED
