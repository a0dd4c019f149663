"""Tiny PyTorch modules for the describe tests (built here, never downloaded)."""

from __future__ import annotations

import torch
from torch import nn


class TinyClassifier(nn.Module):
    """Convolution, batch norm and a linear head: 3-channel images to 5 class scores."""

    def __init__(self) -> None:
        super().__init__()
        self.conv = nn.Conv2d(3, 8, 3, padding=1)
        self.bn = nn.BatchNorm2d(8)
        self.head = nn.Linear(8, 5)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(torch.relu(self.bn(self.conv(x))).mean(dim=(2, 3)))


class Encoder(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self._conv_stem = nn.Conv2d(4, 8, 3, padding=1)


class TinySegmenter(nn.Module):
    """A per-pixel classifier (4 bands to 3 classes) laid out as segmentation-models-pytorch lays out its
    models (``encoder._conv_stem``, ``segmentation_head``), which stac-model's ``from_torch`` requires."""

    def __init__(self) -> None:
        super().__init__()
        self.encoder = Encoder()
        self.segmentation_head = nn.Sequential(nn.Conv2d(8, 3, 1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.segmentation_head(torch.relu(self.encoder._conv_stem(x)))


class TwoHeads(nn.Module):
    """Two inputs (an image and token ids) and two outputs."""

    def __init__(self) -> None:
        super().__init__()
        self.embed = nn.Embedding(100, 4)
        self.conv = nn.Conv2d(2, 4, 1)

    def forward(self, image: torch.Tensor, tokens: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        features = self.conv(image).mean(dim=(2, 3))
        text = self.embed(tokens).mean(dim=1)
        return features + text, self.embed(tokens)


class FixedBatch(nn.Module):
    """A module that only works with a batch of two (it reshapes to it)."""

    def __init__(self) -> None:
        super().__init__()
        self.head = nn.Linear(6, 2)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(x.reshape(2, 6))


def parameters(module: nn.Module) -> int:
    return sum(p.numel() for p in module.parameters())
