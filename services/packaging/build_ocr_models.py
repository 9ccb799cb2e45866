"""Build the OCR models Redacta ships (`src/redacta/documents/ocr_models/`) from their source.

Source: the ONNX exports of PaddleOCR's PP-OCRv6 small detector and recognizer and its mobile
direction classifier (Apache-2.0) inside the `rapidocr` 3.10.0 wheel, which uv installs from
the `ocrmodels` dependency group pinned by hash in uv.lock (build time only; the app never
imports rapidocr). Each model's sha256 is checked before conversion.

Conversion, measured with bench/ocr (same word accuracy and PII recall as the originals):
- the recognizer's output layer (120 x 18710 characters, 43 % of its weights) is quantized
  to int8 by onnxruntime's dynamic quantization (MatMulInteger at run time); int8 for every
  layer lost 2-5 points of word accuracy and ran slower, so only this one is;
- every other float32 weight tensor is stored as float16 and turned back into float32 by a
  Cast node that onnxruntime folds into a constant when it loads the model, so inference
  runs in float32 as before, on weights rounded to half precision.
The models shrink from 31.7 to about 14 MB. The output is deterministic, so `--check`
rebuilds in memory and compares with the committed files and their SHA256SUMS.

    cd services && uv sync --group ocrmodels ... && .venv/bin/python packaging/build_ocr_models.py
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
import sys
from pathlib import Path

SERVICES = Path(__file__).resolve().parents[1]
TARGET = SERVICES / "src" / "redacta" / "documents" / "ocr_models"

SOURCES = {
    "PP-OCRv6_det_small.onnx": "090f04abcd9d9a7498bc4ebf677e4cb9bdce1fe4197ddb7e529f1ef44e1ff94f",
    "PP-OCRv6_rec_small.onnx": "6f327246b50388f3c176ae304bd95767ea6dc0c9ae92153ef8cbe210b3c14884",
    "ch_ppocr_mobile_v2.0_cls_mobile.onnx": (
        "e47acedf663230f8863ff1ab0e64dd2d82b838fceb5957146dab185a89d6215c"
    ),
}
LICENSE_FILES = ("LICENSE", "MODEL_LICENSES.md")
MIN_HALF_ELEMENTS = 16
"""Smaller tensors (scalars, shapes, tiny biases) stay float32: nothing to gain there."""


def _source_dir() -> Path:
    import rapidocr

    return Path(rapidocr.__file__).parent / "models"


INT8_WEIGHTS = {"PP-OCRv6_rec_small.onnx": ["MatMul.12"]}
"""Nodes whose weights are quantized to int8: the recognizer's character classifier."""


def _quantized(name: str, data: bytes) -> bytes:
    import tempfile

    from onnxruntime.quantization import QuantType, quantize_dynamic

    nodes = INT8_WEIGHTS.get(name)
    if not nodes:
        return data
    with tempfile.TemporaryDirectory() as work:
        source, target = Path(work) / "in.onnx", Path(work) / "out.onnx"
        source.write_bytes(data)
        quantize_dynamic(
            source,
            target,
            weight_type=QuantType.QInt8,
            op_types_to_quantize=["MatMul"],
            nodes_to_quantize=nodes,
        )
        return target.read_bytes()


def _half_weights(data: bytes) -> bytes:
    """The model with its float32 initializers stored as float16 plus a Cast back."""
    import numpy as np
    import onnx
    from onnx import TensorProto, helper, numpy_helper

    model = onnx.load_from_string(data)
    graph = model.graph
    casts = []
    kept = []
    for tensor in graph.initializer:
        if tensor.data_type != TensorProto.FLOAT or int(np.prod(tensor.dims)) < MIN_HALF_ELEMENTS:
            kept.append(tensor)
            continue
        values = numpy_helper.to_array(tensor)
        half = numpy_helper.from_array(values.astype(np.float16), tensor.name + "__half")
        kept.append(half)
        casts.append(
            helper.make_node(
                "Cast",
                [half.name],
                [tensor.name],
                to=TensorProto.FLOAT,
                name=tensor.name + "__to_float",
            )
        )
    del graph.initializer[:]
    graph.initializer.extend(kept)
    nodes = list(graph.node)
    del graph.node[:]
    graph.node.extend(casts + nodes)
    # Inputs that name initializers (older exporters list them) must name the Cast outputs'
    # sources no more.
    names = {c.output[0] for c in casts}
    inputs = [i for i in graph.input if i.name not in names]
    del graph.input[:]
    graph.input.extend(inputs)
    onnx.checker.check_model(model)
    return model.SerializeToString(deterministic=True)


def build() -> dict[str, bytes]:
    source = _source_dir()
    out = {}
    for name, digest in SOURCES.items():
        data = (source / name).read_bytes()
        if hashlib.sha256(data).hexdigest() != digest:
            sys.exit(f"{name} in {source} is not the pinned file; run uv sync --frozen")
        out[name] = _half_weights(_quantized(name, data))
    return out


def _sums(models: dict[str, bytes]) -> str:
    return "".join(f"{hashlib.sha256(d).hexdigest()}  {n}\n" for n, d in sorted(models.items()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare, write nothing")
    args = parser.parse_args()
    models = build()
    sums = _sums(models)
    if args.check:
        stale = [n for n, d in models.items() if (TARGET / n).read_bytes() != d]
        if (TARGET / "SHA256SUMS").read_text(encoding="utf-8") != sums:
            stale.append("SHA256SUMS")
        if stale:
            sys.exit(f"out of date: {', '.join(stale)}; run packaging/build_ocr_models.py")
        print("OCR models match their source")
        return
    TARGET.mkdir(exist_ok=True)
    for name, data in models.items():
        (TARGET / name).write_bytes(data)
    (TARGET / "SHA256SUMS").write_text(sums, encoding="utf-8")
    licences = _source_dir().parent.parent / "rapidocr-3.10.0.dist-info" / "licenses"
    for name in LICENSE_FILES:
        shutil.copyfile(licences / name, TARGET / name)
    for name, data in sorted(models.items()):
        print(f"{name}: {len(data) / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
