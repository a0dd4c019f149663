"""Converters for DLM documents (drafts, beta versions and the documents found in the wild)."""

from __future__ import annotations

import re
from typing import Any

from ... import pointer
from ..match import Match
from ..replaced import replacement
from ..report import ReportEntry
from ..results import KEEP, Dropped, Placed, Result, Value, assumed, entry, shown
from ..tables import DATA_TYPE_ENUM, TARGET, facts
from .base import _family, _number, convert
from .common import _map_roles, task_name

# DLM ---------------------------------------------------------------------------------------------
_DATA_TYPE_KEYS = ("data_type", "dtype")


def _first(values: dict[str, Any], *names: str) -> Any:
    for name in names:
        if values.get(name) is not None:
            return values[name]
    return None


@convert
def draft_license(match: Match) -> Result:
    """The 2020 draft's license object ({title, description, href}): its title as the STAC license, its
    href as a `license` link titled with its description."""
    value = match.value
    if not isinstance(value, dict):
        return KEEP
    title, href, description = value.get("title"), value.get("href"), value.get("description")
    if not isinstance(title, str) or not title.strip():
        return Dropped("a license object without a title names no license")
    source = match.path
    entries = [entry(f"{source}/title", "moved", "the license name is the STAC license", title, source)]
    placed = {"title"}
    links = match.get("/links") if match.document.has("/links") else []
    new_links: list[Any] = []
    if isinstance(href, str) and href and isinstance(links, list):
        link: dict[str, Any] = {"rel": "license", "href": href}
        where = f"/links/{len(links)}"
        entries.append(
            entry(f"{source}/href", "moved", "the license text becomes a `license` link", href, f"{where}/href")
        )
        placed.add("href")
        if isinstance(description, str):
            link["title"] = description
            detail = "the license description titles the link"
            entries.append(entry(f"{source}/description", "moved", detail, description, f"{where}/title"))
            placed.add("description")
        new_links.append(link)
    for key in [k for k in value if k not in placed]:
        entries.append(entry(f"{source}/{key}", "dropped", "no STAC field takes this part of the license", value[key]))
    replaces: list[tuple[str, Any]] = [(source, title.strip())]
    if not match.document.has("/links"):
        replaces.append(("/links", new_links))  # the document gets a list of links, empty or not
    else:
        replaces.extend(("/links/-", link) for link in new_links)
    return Placed(replaces=tuple(replaces), entries=tuple(entries), reported=True)


@convert
def draft_tensor_sizes(match: Match) -> Result:
    """The 2020 draft's `shape:batch`, `shape:channels`... keys as one `input_tensors` object."""
    return Value({key.removeprefix("shape:"): value for key, value in match.value.items()})


@convert
def draft_output_size(match: Match) -> Result:
    """The 2020 draft's output `size` ([height, width]) with `noutputs` classes: [batch, classes, height, width]."""
    value = match.value
    classes = match.get("/properties/dlm:outputs/noutputs", match.get("/properties/dlm:outputs/number_of_classes"))
    if not (isinstance(value, list) and len(value) == 2 and isinstance(classes, int)):
        return Dropped(f"{shown(value)} with {shown(classes)} classes does not give the output's size")
    batch = assumed("/properties/dlm:outputs/final_layer_size", "the batch size is not given; -1 (any) assumed", -1)
    return Value([-1, classes, *value], entries=(batch,))


@convert
def dlm_source_code_asset(match: Match) -> Result:
    """DLM source code facts (URL, commit, handler) as a source code asset."""
    values: dict[str, Any] = match.value
    url = values.get("model_src_url")
    commit_key = next((k for k in ("model_commit_hash", "model_src_hash") if values.get(k) is not None), None)
    commit = values.get(commit_key) if commit_key else None
    handler = values.get("model_handler")
    sources = match.sources
    entries: list[ReportEntry] = []
    if url and not isinstance(url, str):  # a value, but not a location
        if not handler:
            return Dropped(f"{shown(url)} is not a source code location, and no handler is given")
        detail = "the source code location must be a URL (a text)"
        entries.append(entry(sources["model_src_url"], "dropped", detail, url))
        url = None
    if not url and not handler:
        return Dropped("no source code location or handler given")
    key = match.document.free_asset_key("source_code")
    base = f"/assets/{key}"
    asset: dict[str, Any] = {"title": "Model source code", "roles": ["mlm:source_code", "code"]}
    for name, value in values.items():
        if name not in {"model_src_url", "model_handler", commit_key} or not value:
            entries.append(entry(sources[name], "dropped", f"{name} holds no value", value))
    if url:
        pinned = f"{url.rstrip('/')}/tree/{commit}" if commit and "github.com/" in url else url
        asset.update(href=pinned, type="text/html")
        entries.append(entry(sources["model_src_url"], "moved", "the source code location", url, f"{base}/href"))
        if commit and pinned == url:
            asset["description"] = f"Commit {commit}."
        if commit and commit_key:
            where = f"{base}/href" if pinned != url else f"{base}/description"
            detail = "the commit is pinned in the source code asset"
            entries.append(entry(sources[commit_key], "converted", detail, commit, where))
    else:
        asset["href"] = "PLACEHOLDER"
        detail = "the source code location is not given; put here: the URL of the model's source code"
        entries.append(entry(f"{base}/href", "placeholder", detail, target=f"{base}/href"))
        if commit and commit_key:
            asset["description"] = f"Commit {commit}."
            detail = "kept in the source code asset's description"
            entries.append(entry(sources[commit_key], "moved", detail, commit, f"{base}/description"))
    if handler:
        asset["mlm:entrypoint"] = handler
        detail = "the inference handler becomes the entrypoint"
        entries.append(entry(sources["model_handler"], "moved", detail, handler, f"{base}/mlm:entrypoint"))
    return Placed(writes=((base, asset),), entries=tuple(entries), reported=True)


@convert
def dlm_requirements_asset(match: Match) -> Result:
    """A DLM requirements file as a metadata asset."""
    value = match.value
    if not isinstance(value, str) or not value.strip():
        return Dropped(
            "no requirements file is named (the value is empty)"
            if value is None or value == ""
            else f"{shown(value)} is not a file name or URL"
        )
    asset = {"href": value, "type": "text/plain", "title": "Requirements", "roles": ["metadata"]}
    key = match.document.free_asset_key("requirements")
    return Placed(writes=((f"/assets/{key}", asset),), target=f"/assets/{key}/href")


_IMAGE_KEYS = ("image_name", "docker_image", "imagename", "docker:image")
_DOCKERFILE_KEYS = ("docker_file", "dockerfile")


@convert
def dlm_container_assets(match: Match) -> Result:
    """A DLM container description as runtime assets (image and Dockerfile)."""
    value = match.value
    if not isinstance(value, dict) or not value:
        return Dropped(
            "no container is described (the value is empty)" if not value else f"{shown(value)} is not an object"
        )
    roles = ["mlm:inference-runtime", "runtime"]
    media_type = match.common["container_media_type"]
    source = match.path
    image_key = next((k for k in _IMAGE_KEYS if isinstance(value.get(k), str) and value[k]), None)
    file_key = next((k for k in _DOCKERFILE_KEYS if isinstance(value.get(k), str) and value[k]), None)
    if image_key is None and file_key is None:
        return Dropped("neither an image nor a Dockerfile is given")
    handled = {image_key, file_key, "tag", "gpu"}
    extras = {k: v for k, v in value.items() if k not in handled and v is not None}
    description = " ".join(f"{k}: {v}." for k, v in extras.items())
    image_asset = file_asset = None
    writes: list[tuple[str, Any]] = []
    entries: list[ReportEntry] = []
    if image_key:
        image, tag = value[image_key], value.get("tag")
        href = f"{image}:{tag}" if tag and ":" not in str(image) else str(image)
        image_asset = f"/assets/{match.document.free_asset_key('container')}"
        asset: dict[str, Any] = {"href": href, "type": media_type, "title": "Inference container", "roles": roles}
        if description:
            asset["description"] = description
        if value.get("gpu") is True:
            asset["mlm:accelerator"] = "cuda"
        writes.append((image_asset, asset))
        detail = "the image becomes a container asset"
        entries.append(entry(f"{source}/{image_key}", "moved", detail, image, f"{image_asset}/href"))
        if tag:
            detail = "the tag is part of the image reference"
            entries.append(entry(f"{source}/tag", "converted", detail, tag, f"{image_asset}/href"))
    if file_key:
        taken = (image_asset.removeprefix("/assets/"),) if image_asset else ()
        file_asset = f"/assets/{match.document.free_asset_key('dockerfile', taken)}"
        asset = {"href": value[file_key], "type": "text/plain", "title": "Dockerfile", "roles": roles}
        if description and not image_key:
            asset["description"] = description
        writes.append((file_asset, asset))
        detail = "the Dockerfile becomes a runtime asset"
        entries.append(entry(f"{source}/{file_key}", "moved", detail, value[file_key], f"{file_asset}/href"))
    holder = image_asset or file_asset
    for key, extra in extras.items():
        detail = "kept as text in the container asset's description"
        entries.append(entry(f"{source}/{key}", "converted", detail, extra, f"{holder}/description"))
    for key in [k for k, v in value.items() if v is None and k != "gpu"]:
        entries.append(entry(f"{source}/{key}", "dropped", "holds no value", None))
    gpu = value.get("gpu")
    if gpu is True and image_asset:
        detail = "`gpu: true` read as an NVIDIA CUDA GPU (cuda)"
        entries.append(entry(f"{source}/gpu", "assumed", detail, gpu, f"{image_asset}/mlm:accelerator"))
    elif gpu is not None:
        detail = (
            "a container that needs no GPU does not say which accelerator the model uses"
            if gpu is False
            else "no container image to attach the accelerator to"
        )
        entries.append(entry(f"{source}/gpu", "dropped", detail, gpu))
    return Placed(writes=tuple(writes), entries=tuple(entries), reported=True)


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


@convert
def dlm_band_names(match: Match) -> Result:
    """Band names for the input (from useful_bands, else selected_bands through eo:bands); the band-level
    values of useful_bands (nodata, data type, scale, offset, statistics) become Item-level
    `raster:bands`, which a finishing step moves onto the model asset."""
    values: dict[str, Any] = match.value
    selected = values.get("selected_bands")
    useful = values.get("useful_bands")
    sources = match.sources
    channels = _channels(match.get("/properties/dlm:inputs/input_tensors", match.get("/properties/dlm:inputs/shape")))
    entries: list[ReportEntry] = []
    for key, given in (("useful_bands", useful), ("selected_bands", selected)):
        if given is not None and not isinstance(given, list):
            entries.append(entry(sources[key], "dropped", f"{key} must be a list of bands", given))
    useful = useful if isinstance(useful, list) else []
    useful_names = [b.get("name") for b in useful if isinstance(b, dict) and isinstance(b.get("name"), str)]
    eo_bands = match.get("/properties/eo:bands")
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
            detail = f"band names taken from useful_bands; selected_bands through eo:bands give {shown(via_eo)}"
            entries.append(assumed(target, detail))
    elif via_eo and (channels is None or len(via_eo) == channels):
        names = via_eo
        entries.append(assumed(target, "band names found by looking up selected_bands in the Item's eo:bands", via_eo))
    if names is None:
        for key, value in values.items():
            entries.append(entry(sources[key], "dropped", "the band indices cannot be resolved to band names", value))
        return Placed(entries=tuple(entries), reported=True)
    writes: list[tuple[str, Any]] = [(target, names)]
    if "selected_bands" in values:
        how = "useful_bands" if names is useful_names else "eo:bands"
        detail = f"band indices become band names (from {how})"
        entries.append(entry(sources["selected_bands"], "converted", detail, selected, target))
    if names is useful_names:
        writes.append(("/properties/raster:bands", _useful_bands(useful, sources["useful_bands"], entries)))
    elif "useful_bands" in values:
        detail = "useful_bands do not match the input's channels"
        entries.append(entry(sources["useful_bands"], "dropped", detail, useful))
    return Placed(writes=tuple(writes), entries=tuple(entries), reported=True)


def _useful_bands(useful: list[Any], source: str, entries: list[ReportEntry]) -> list[dict[str, Any]]:
    """Each useful band as an Item-level raster band (names, and any band-level values), each of its
    values reported in ``entries``."""
    keys = _band_keys()
    bands: list[dict[str, Any]] = []
    for index, band in enumerate(useful):
        raster: dict[str, Any] = {}
        target = f"/properties/raster:bands/{index}"
        for key, value in band.items():
            path = f"{source}/{index}/{key}"
            if key == "name":
                raster["name"] = value
                entries.append(entry(path, "moved", "the band name", value, f"/properties/mlm:input/0/bands/{index}"))
            elif key == "index":
                detail = "the band's position in the source imagery; the list order replaces it"
                entries.append(entry(path, "dropped", detail, value))
            elif key in keys and value is not None:
                field = keys[key]
                converted = _raster_type(value) if field == "data_type" else value
                if converted is None:
                    detail = f"{shown(value)} is not a data type raster bands know"
                    entries.append(entry(path, "dropped", detail, value))
                    continue
                raster[field] = converted
                action = "moved" if converted == value else "converted"
                entries.append(entry(path, action, f"band-level {field} of this band", value, f"{target}/{field}"))
            else:
                entries.append(entry(path, "dropped", "no raster band field takes this value", value))
        bands.append(raster)
    return bands


@convert
def dlm_input_structure(match: Match) -> Result:
    """A DLM input structure as the input's shape and dimension order."""
    value = match.value
    tensors = value[0] if isinstance(value, list) and len(value) == 1 else value
    if not isinstance(tensors, dict):
        return Dropped(f"{shown(value)} is not a tensor size object")
    channels = _first(tensors, "channels", "dim")
    sizes = [tensors.get("batch", -1), channels, tensors.get("height"), tensors.get("width")]
    if not all(isinstance(s, int) and s >= -1 for s in sizes):
        return Dropped(f"{shown(value)} does not give batch, channels, height and width as integers")
    bands = match.get("/properties/mlm:input/0/bands")
    channel_dim = "bands" if bands else "channel"
    scaled = any(match.document.has(f"/properties/dlm:inputs/{k}") for k in ("scaling_factor", "normalization:mean"))
    data_type = (
        "float32"
        if scaled
        else _raster_type(
            _first({k: match.get(f"/properties/dlm:data/{k}") for k in _DATA_TYPE_KEYS}, *_DATA_TYPE_KEYS)
        )
    )
    if data_type is None:
        data_type = "float32"
    why = "values are scaled or normalised, so" if scaled else "DLM gives no tensor type;"
    typed = assumed("/properties/mlm:input/0/input/data_type", f"{why} the tensor type is assumed", data_type)
    structure = {"shape": sizes, "dim_order": ["batch", channel_dim, "height", "width"], "data_type": data_type}
    return Value(structure, entries=(typed,))


def _raster_type(numpy_name: Any) -> str | None:
    if not isinstance(numpy_name, str):
        return None
    known = facts().data_types
    if numpy_name in known:
        return numpy_name
    mapped = _family("dlm")["numpy_data_types"].get(numpy_name)
    name = mapped if isinstance(mapped, str) else (mapped or {}).get("value")
    later = replacement(DATA_TYPE_ENUM, name or numpy_name, known)  # a type a later release replaced
    return later[0] if later is not None else name


@convert
def dlm_value_scaling(match: Match) -> Result:
    """DLM scaling and normalisation fields as value-scaling objects."""
    values: dict[str, Any] = match.value
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

    if count == 0:
        return Dropped("empty lists give no scaling factor, mean or standard deviation")
    factors, means, stds = per_band(factor, 1), per_band(mean, 0), per_band(std, 1)
    if factors is None or means is None or stds is None or any(f == 0 for f in factors):
        return Dropped("scaling factor, mean and std do not have matching per-band lengths")
    if mean is None and std is None:
        return Value(
            [{"type": "scale", "value": 1 / f} for f in factors]
            if count > 1
            else [{"type": "scale", "value": 1 / factors[0]}]
        )
    if mean is None or std is None:
        return Dropped("a mean without a standard deviation (or the reverse) is not a z-score")
    zipped = zip(factors, means, stds, strict=True)
    return Value([{"type": "z-score", "mean": m / f, "stddev": s / f} for f, m, s in zipped])


@convert
def dlm_task(match: Match) -> Result:
    """A DLM task as the Item's and the output's task."""
    task, entries = task_name(match.value, match, "/properties/mlm:tasks")
    if task is None:
        return Dropped(f"task {shown(match.value)} has no {TARGET} equivalent", entries=entries)
    writes = (("/properties/mlm:tasks", [task]), ("/properties/mlm:output/0/tasks", [task]))
    return Placed(writes=writes, entries=entries, target="/properties/mlm:tasks")


@convert
def dlm_result_structure(match: Match) -> Result:
    """A DLM result structure as the output's shape and dimension order."""
    value = match.value
    if not isinstance(value, list) or not all(isinstance(s, int) and s >= -1 for s in value):
        return Dropped(f"{shown(value)} is not a list of sizes")
    orders = match.common.get("result_dim_orders", {})
    order = orders.get(str(len(value)))
    if not order:
        return Dropped(f"no dimension names are known for a result of rank {len(value)}")
    entries = (
        assumed("/properties/mlm:output/0/result/dim_order", "dimension names inferred from the rank", order),
        assumed("/properties/mlm:output/0/result/data_type", "DLM gives no output type; float32 assumed", "float32"),
    )
    return Value({"shape": value, "dim_order": list(order), "data_type": "float32"}, entries=entries)


@convert
def dlm_classes(match: Match) -> Result:
    """DLM class names (and don't-care index) as classification classes."""
    values: dict[str, Any] = match.value
    mapping = values.get("class_name_mapping")
    dont_care = values.get("dont_care_index")
    entries: tuple[ReportEntry, ...] = ()
    if dont_care is not None and (not isinstance(dont_care, int) or isinstance(dont_care, bool)):
        detail = "the don't-care index must be an integer"
        entries = (entry(match.sources["dont_care_index"], "dropped", detail, dont_care),)
        dont_care = None
    pairs: list[tuple[Any, Any]] = []
    if isinstance(mapping, dict):
        pairs = [(k.removeprefix("I_"), v) for k, v in mapping.items()]
    elif isinstance(mapping, list):
        for item in mapping:
            if isinstance(item, dict) and "index" in item:
                pairs.append((item["index"], item.get("class_name")))
            elif isinstance(item, dict):
                pairs.extend(item.items())
            else:
                return Dropped(f"class mapping entry {shown(item)} is not an object", entries=entries)
    classes = []
    for key, name in pairs:
        if isinstance(name, dict | list):
            return Dropped(f"class name {shown(name)} is not a text", entries=entries)
        if not str(key).lstrip("-").isdigit():
            return Dropped(f"class key {shown(key)} is not an integer", entries=entries)
        klass = {"value": int(key), "name": str(name), "description": str(name)}
        if dont_care is not None and int(key) == dont_care:
            klass["nodata"] = True
        classes.append(klass)
    if dont_care is not None and not any(c.get("nodata") for c in classes):
        classes.append({"value": dont_care, "name": "dont-care", "description": "don't care", "nodata": True})
    if not classes:
        return Dropped(f"{shown(mapping)} holds no classes", entries=entries)
    return Value(sorted(classes, key=lambda c: c["value"]), entries=entries)


@convert
def dlm_source_bands(match: Match) -> Result:
    """The source imagery's data type and nodata value apply to every band: written on each Item-level
    raster band (a finishing step moves them onto the model asset) unless a band gives its own."""
    values: dict[str, Any] = match.value
    sources = match.sources
    entries: list[ReportEntry] = []
    bands = match.get("/properties/raster:bands")
    fresh = not isinstance(bands, list) or not bands
    if fresh:
        names = match.get("/properties/mlm:input/0/bands") or []
        bands = [{"name": n} for n in names if isinstance(n, str)]
        if not bands:
            for key, value in values.items():
                detail = "the input lists no bands to which this value could apply"
                entries.append(entry(sources[key], "dropped", detail, value))
            return Placed(entries=tuple(entries), reported=True)
    for key, value in values.items():
        field = "data_type" if key in ("data_type", "dtype") else "nodata"
        converted = _raster_type(value) if field == "data_type" else value
        if converted is None:
            reason = "null: no value" if value is None else f"{shown(value)} is not a data type raster bands know"
            entries.append(entry(sources[key], "dropped", reason, value))
            continue
        if field == "data_type":
            mapped = _family("dlm")["numpy_data_types"].get(value)
            if isinstance(mapped, dict) and mapped.get("assumed"):
                entries.append(assumed("/properties/raster:bands", mapped["note"], converted))
        written = [i for i, band in enumerate(bands) if isinstance(band, dict) and field not in band]
        for index in written:
            bands[index][field] = converted
        if written:
            action = "moved" if converted == value else "converted"
            detail = f"the source imagery's {field}, on every band of the model's input"
            entries.append(entry(sources[key], action, detail, value, f"/properties/raster:bands/{written[0]}/{field}"))
        else:
            entries.append(entry(sources[key], "dropped", f"every band gives its own {field}", value))
    place = (("/properties/raster:bands", bands),)
    if fresh:  # new bands are written unless the place holds something else; given bands are completed
        return Placed(writes=place, entries=tuple(entries), reported=True)
    return Placed(replaces=place, entries=tuple(entries), reported=True)


@convert
def example_links(match: Match) -> Result:
    """Examples as ``example`` links."""
    value = match.value
    if not isinstance(value, list):
        return Dropped(f"{shown(value)} is not a list of examples")
    entries: list[ReportEntry] = []
    links: list[tuple[str, Any]] = []
    for index, example in enumerate(value):
        if not (isinstance(example, dict) and isinstance(example.get("url"), str) and example["url"]):
            entries.append(entry(f"{match.path}/{index}", "dropped", "an example needs a `url`", example))
            continue
        link = {"rel": "example", "href": example["url"]}
        if isinstance(example.get("title"), str) and example["title"]:
            link["title"] = example["title"]
        elif "title" in example:
            detail = "a link title must be a text"
            entries.append(entry(f"{match.path}/{index}/title", "dropped", detail, example["title"]))
        links.append(("/links/-", link))
    return Placed(writes=tuple(links), entries=tuple(entries), target="/links")


@convert
def dlm_archive(match: Match) -> Result:
    """DLM archive files as assets with MLM roles."""
    value = match.value
    if not isinstance(value, list) or not any(isinstance(item, dict) for item in value):
        return Dropped(f"{shown(value)} is not a list of archive files")
    roles_table = _family("dlm")["asset_roles"]
    source = match.path
    entries: list[ReportEntry] = []
    writes: list[tuple[str, Any]] = []
    taken: tuple[str, ...] = ()
    listed: list[tuple[str, Any, str]] = []
    for index, item in enumerate(value):
        path = f"{source}/{index}"
        if not isinstance(item, dict):
            entries.append(entry(path, "dropped", "an archive entry must be an object", item))
            continue
        role_key = "roles" if "roles" in item else "role"
        roles = item.get(role_key, [])
        roles = roles if isinstance(roles, list) else [roles]
        for number, role in enumerate(roles):
            if not isinstance(role, str):
                where = f"{path}/{role_key}" + (f"/{number}" if isinstance(item[role_key], list) else "")
                entries.append(entry(where, "dropped", "an archive role must be a text", role))
        if "name" in item and not isinstance(item["name"], str):
            entries.append(entry(f"{path}/name", "dropped", "an archive file name must be a text", item["name"]))
        if item.get("href"):
            asset = {"href": item["href"], "title": str(item.get("name", item["href"])), "roles": []}
            asset["roles"] = _map_roles([r for r in roles if isinstance(r, str)], roles_table) or ["metadata"]
            wanted = re.sub(r"[^A-Za-z0-9_.-]+", "_", str(item.get("name") or "archive-file")).strip("_.") or "file"
            key = match.document.free_asset_key(wanted, taken)
            taken += (key,)
            writes.append((f"/assets/{key}", asset))
            detail = "an archive file with an href becomes an asset"
            entries.append(entry(path, "converted", detail, item, f"/assets/{key}"))
            if item.get(role_key) == []:
                entries.append(entry(f"{path}/{role_key}", "dropped", "an empty list of roles", []))
            elif role_key in item:
                detail = "archive roles become asset roles"
                entries.append(entry(f"{path}/{role_key}", "converted", detail, item[role_key], f"/assets/{key}/roles"))
        else:
            text = f"{item.get('name')} ({', '.join(map(str, roles))})" if roles else str(item.get("name"))
            for key in [k for k in item if k not in ("name", role_key)]:
                detail = "a file inside the model archive is listed by its name and roles only"
                entries.append(entry(f"{path}{pointer.format_pointer((key,))}", "dropped", detail, item[key]))
            listed.append((path, item, text))
    return Placed(writes=tuple(writes), entries=tuple(entries), listed=tuple(listed), reported=True)
