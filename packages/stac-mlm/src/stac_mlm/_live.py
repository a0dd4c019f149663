"""Live values for the pystac accessors: edits made to what an accessor returned are written back.

``live(value, write)`` wraps a value read from a pystac object (a list, a dict or a generated pydantic
object, nested at any depth) so that every change made through it (``append``, item or attribute
assignment, ``del`` ...) calls ``write()`` afterwards, which serializes the whole field into the object
again, as pystac's own accessors write through to the object's dict. The values keep their types: a
list stays a ``list``, a ``ModelInput`` stays a ``ModelInput`` (an instance of a subclass that only adds
the notification).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any, SupportsIndex

from pydantic import BaseModel

__all__ = ["live"]

Write = Callable[[], None]
_WRITE = "__stac_mlm_write__"


def live(value: Any, write: Write) -> Any:
    """``value`` wrapped so that changes through it call ``write``; scalars are returned as they are."""
    if isinstance(value, BaseModel):
        return _live_model(value, write)
    if isinstance(value, list) and not isinstance(value, LiveList):
        return LiveList(value, write)
    if isinstance(value, dict) and not isinstance(value, LiveDict):
        return LiveDict(value, write)
    return value


class LiveList(list[Any]):
    """A list that calls ``write`` after each change."""

    def __init__(self, items: list[Any], write: Write) -> None:
        self._write = write
        super().__init__(live(item, write) for item in items)

    def _changed(self) -> None:
        for index, item in enumerate(self):
            wrapped = live(item, self._write)
            if wrapped is not item:
                super().__setitem__(index, wrapped)
        self._write()

    def append(self, item: Any) -> None:
        super().append(item)
        self._changed()

    def extend(self, items: Any) -> None:
        super().extend(items)
        self._changed()

    def insert(self, index: SupportsIndex, item: Any) -> None:
        super().insert(index, item)
        self._changed()

    def __setitem__(self, index: Any, item: Any) -> None:
        super().__setitem__(index, item)
        self._changed()

    def __delitem__(self, index: Any) -> None:
        super().__delitem__(index)
        self._changed()

    def __iadd__(self, items: Any) -> LiveList:  # type: ignore[misc]
        super().__iadd__(items)
        self._changed()
        return self

    def pop(self, index: SupportsIndex = -1) -> Any:
        item = super().pop(index)
        self._changed()
        return item

    def remove(self, item: Any) -> None:
        super().remove(item)
        self._changed()

    def clear(self) -> None:
        super().clear()
        self._changed()

    def sort(self, *args: Any, **kwargs: Any) -> None:
        super().sort(*args, **kwargs)
        self._changed()

    def reverse(self) -> None:
        super().reverse()
        self._changed()


class LiveDict(dict[str, Any]):
    """A dict that calls ``write`` after each change."""

    def __init__(self, items: dict[str, Any], write: Write) -> None:
        self._write = write
        super().__init__((key, live(item, write)) for key, item in items.items())

    def _changed(self) -> None:
        for key, item in list(self.items()):
            wrapped = live(item, self._write)
            if wrapped is not item:
                super().__setitem__(key, wrapped)
        self._write()

    def __setitem__(self, key: str, item: Any) -> None:
        super().__setitem__(key, item)
        self._changed()

    def __delitem__(self, key: str) -> None:
        super().__delitem__(key)
        self._changed()

    def pop(self, key: str, *default: Any) -> Any:
        item = super().pop(key, *default)
        self._changed()
        return item

    def popitem(self) -> tuple[str, Any]:
        item = super().popitem()
        self._changed()
        return item

    def setdefault(self, key: str, default: Any = None) -> Any:
        item = super().setdefault(key, default)
        self._changed()
        return self.get(key, item)

    def update(self, *args: Any, **kwargs: Any) -> None:
        super().update(*args, **kwargs)
        self._changed()

    def clear(self) -> None:
        super().clear()
        self._changed()


def _writer(model: BaseModel) -> Write:
    private = model.__pydantic_private__ or {}
    write: Write = private.get(_WRITE) or (lambda: None)
    return write


def _generated(model: BaseModel) -> Any:
    """The generated class a live object is an instance of (the live class's base)."""
    return type(model).__mro__[1]


def _notify_setattr(self: BaseModel, name: str, value: Any) -> None:
    _generated(self).__setattr__(self, name, value)  # the generated class: checks the value
    write = _writer(self)
    if name in self.__dict__:
        self.__dict__[name] = live(self.__dict__[name], write)
    write()


def _notify_delattr(self: BaseModel, name: str) -> None:
    _generated(self).__delattr__(self, name)
    _writer(self)()


def _same(self: BaseModel, other: object) -> bool:
    mine, theirs = type(self).__mro__[1], type(other)
    theirs = theirs.__mro__[1] if getattr(theirs, "_stac_mlm_live", False) else theirs
    if mine is not theirs or not isinstance(other, BaseModel):
        return NotImplemented if not isinstance(other, BaseModel) else False
    fields = type(self).model_fields
    return all(getattr(self, name) == getattr(other, name) for name in fields) and (
        self.__pydantic_extra__ == other.__pydantic_extra__
    )


@cache
def _live_class(cls: type[BaseModel]) -> type[BaseModel]:
    namespace = {
        "__slots__": (),
        "__module__": cls.__module__,
        "__qualname__": cls.__qualname__,
        "__setattr__": _notify_setattr,
        "__delattr__": _notify_delattr,
        "__eq__": _same,
        "__hash__": None,
        "_stac_mlm_live": True,
    }
    made: type[BaseModel] = type(cls)(cls.__name__, (cls,), namespace)  # type: ignore[misc]
    return made


def _live_model(model: BaseModel, write: Write) -> BaseModel:
    cls = type(model)
    if not getattr(cls, "_stac_mlm_live", False):
        object.__setattr__(model, "__class__", _live_class(cls))
    for name, item in list(model.__dict__.items()):
        model.__dict__[name] = live(item, write)
    # beside pydantic's private attributes (pydantic replaces ``__dict__`` when it checks an assignment)
    private = model.__pydantic_private__
    object.__setattr__(model, "__pydantic_private__", {**(private or {}), _WRITE: write})
    return model
