# Tessera gpu-setup: describe the PyTorch installation of this Python as one JSON object on stdout.
# Read-only: imports torch, looks at files, changes nothing.
import glob
import json
import os
import sys

out = {"python": sys.executable, "python_version": sys.version.split()[0]}
try:
    import torch
except Exception as e:  # noqa: BLE001 - any import failure means "no usable PyTorch"
    out["error"] = "cannot import torch: %s" % e
    print(json.dumps(out))
    sys.exit(0)

out["torch_version"] = torch.__version__
out["torch_dir"] = os.path.dirname(torch.__file__)
out["cuda_version"] = torch.version.cuda
out["cxx11_abi"] = bool(torch._C._GLIBCXX_USE_CXX11_ABI)
try:
    out["cuda_available"] = bool(torch.cuda.is_available())
    out["device_name"] = torch.cuda.get_device_name(0) if out["cuda_available"] else None
except Exception as e:  # noqa: BLE001
    out["cuda_available"] = False
    out["cuda_error"] = str(e)
try:
    import torch.utils.cpp_extension as ce
    out["include_dirs"] = ce.include_paths()
    out["library_dirs"] = ce.library_paths()
except Exception as e:  # noqa: BLE001
    out["include_dirs"] = [os.path.join(out["torch_dir"], "include"),
                           os.path.join(out["torch_dir"], "include", "torch", "csrc", "api", "include")]
    out["library_dirs"] = [os.path.join(out["torch_dir"], "lib")]

# The CUDA runtime (libcudart.so.N): pip wheels ship it in nvidia/*/lib next to torch; else a system CUDA.
candidates = []
site = os.path.dirname(out["torch_dir"])
candidates += glob.glob(os.path.join(site, "nvidia", "**", "libcudart.so*"), recursive=True)
candidates += glob.glob(os.path.join(out["torch_dir"], "lib", "libcudart*.so*"))
for home in [os.environ.get("CUDA_HOME"), os.environ.get("CUDA_PATH"), "/usr/local/cuda"]:
    if home:
        candidates += glob.glob(os.path.join(home, "lib64", "libcudart.so*"))
        candidates += glob.glob(os.path.join(home, "targets", "*", "lib", "libcudart.so*"))
major = (out["cuda_version"] or "").split(".")[0]
preferred = [c for c in candidates if major and ".so." + major in c]
out["cudart"] = (preferred or candidates or [None])[0]
print(json.dumps(out))
