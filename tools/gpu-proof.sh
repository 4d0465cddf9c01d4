#!/usr/bin/env bash
# The GPU proof of docs/gpu.md, as run on an NVIDIA machine that has Python + a CUDA PyTorch but no Java, no Maven
# and no network (the H200 of this project's device tool). It needs, in an ignored folder .device/ of the checkout:
#   jre.tar.xz      a jlinked JRE 17 with the JDK's include/ folder copied in (gpu-setup compiles against jni.h)
#   lib/            the engine jar and its runtime jars, without pytorch-native-cpu (the CPU libtorch is not needed)
#   djl-0.36.0/     DJL's JNI sources: engines/pytorch/pytorch-native/src/main/native, api/src/main/native,
#                   gradle/libs.versions.toml of DJL's tag v0.36.0
# Prepare them on a build machine with tools/gpu-proof-bundle.sh. Results go to $OUT (default ./gpu-proof-out).
# Usage: bash tools/gpu-proof.sh [qwen]   (qwen: also the Qwen2.5-VL-3B-shaped benchmark)
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
OUT="${OUT:-$PWD/gpu-proof-out}"
mkdir -p "$OUT" /tmp/gpu-proof
exec > >(tee "$OUT/proof.log") 2>&1   # everything, so a run cut short still reports what it did
tar -xJf .device/jre.tar.xz -C /tmp/gpu-proof
export JAVA_HOME=/tmp/gpu-proof/jre
export TESSERA_HOME=/tmp/gpu-proof/home DJL_CACHE_DIR=/tmp/gpu-proof/home/djl TESSERA_ROOT="$PWD"
export DJL_OFFLINE=true OMP_WAIT_POLICY=PASSIVE
T=("$JAVA_HOME/bin/java" -Dai.djl.offline=true -Xmx32g -cp ".device/lib/*" org.tessera.engine.cli.TesseraCli)
step() { echo; echo "=== $* ($(date +%T))"; }
timed() { local t0=$SECONDS; "$@"; local rc=$?; echo "[exit $rc, $((SECONDS - t0)) s]"; return $rc; }

step machine
nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader
python3 -c "import torch, sys; print('python', sys.version.split()[0], 'torch', torch.__version__, 'cuda', torch.version.cuda)"
nproc

step "gpu-setup"
timed "${T[@]}" gpu-setup --python python3 --djl-source .device/djl-0.36.0 2>&1 | tee "$OUT/setup.log"
step info
timed "${T[@]}" info 2>&1 | tee "$OUT/info.log"

step "gpu-check (TF32 on, the default)"
models=()
[[ -d engine/src/test/resources/hf/qwen2_5_vl-tiny ]] && models=(--model assets/models/tessera-tiny --model engine/src/test/resources/hf/qwen2_5_vl-tiny)
timed "${T[@]}" gpu-check "${models[@]}" 2>&1 | tee "$OUT/check-tf32.log"
step "gpu-check (TF32 off)"
TESSERA_TF32=off timed "${T[@]}" gpu-check "${models[@]}" 2>&1 | tee "$OUT/check-fp32.log"

step "bench model (GPU)"
timed "${T[@]}" bench model --json > "$OUT/bench-gpu.json" 2> "$OUT/bench-gpu.err"; tail -3 "$OUT/bench-gpu.err"

step "runs on the GPU"
for cfg in quick-demo lesson-grpo; do
  timed "${T[@]}" run --no-progress --runs-dir /tmp/gpu-proof/runs "sample-configs/$cfg.json" > "$OUT/run-$cfg.log" 2>&1
  tail -4 "$OUT/run-$cfg.log"
done
grep -h '"device"\|"precision"' /tmp/gpu-proof/runs/*/run.json | sort | uniq -c

if [[ "${1:-}" == qwen ]]; then
  step "Qwen2.5-VL-3B-shaped random model (fp32 on the GPU; the peer's shapes: 8 x (64 image + 256 text) tokens)"
  timed "${T[@]}" init-model --architecture qwen2_5_vl --size 3b --out /tmp/gpu-proof/q3b 2>&1 | tail -3
  for tf32 in on off; do
    TESSERA_TF32=$tf32 timed timeout 200 "${T[@]}" bench model --model /tmp/gpu-proof/q3b --batch 8 --image-size 224 \
      --text-len 224 --completion-len 32 --forward-steps 2 --steps 3 --gen-prompts 0 --json \
      > "$OUT/bench-q3b-train-tf32$tf32.json" 2> "$OUT/bench-q3b-train-tf32$tf32.err"
    tail -3 "$OUT/bench-q3b-train-tf32$tf32.err"; cat "$OUT/bench-q3b-train-tf32$tf32.json"
  done
  timed timeout 240 "${T[@]}" bench model --model /tmp/gpu-proof/q3b --image-size 224 --text-len 32 \
    --forward-steps 0 --steps 0 --gen-prompts 64 --gen-samples 1 --gen-tokens 128 --json \
    > "$OUT/bench-q3b-sample.json" 2> "$OUT/bench-q3b-sample.err"
  tail -3 "$OUT/bench-q3b-sample.err"; cat "$OUT/bench-q3b-sample.json"
fi
step "bench model (CPU, $(nproc) cores, same libtorch)"
TESSERA_DEVICE=cpu timed "${T[@]}" bench model --json > "$OUT/bench-cpu.json" 2> "$OUT/bench-cpu.err"; tail -3 "$OUT/bench-cpu.err"
step done
