#!/usr/bin/env bash
# The GPU proof of docs/gpu.md, as run on an NVIDIA machine that has Python + a CUDA PyTorch but no Java, no Maven
# and no network (the H200 of this project's device tool). It needs, in an ignored folder .device/ of the checkout:
#   jre.tar.xz      a jlinked JRE 17 with the JDK's include/ folder copied in (gpu-setup compiles against jni.h)
#   lib/            the engine jar and its runtime jars, without pytorch-native-cpu (the CPU libtorch is not needed)
#   djl-0.36.0/     DJL's JNI sources: engines/pytorch/pytorch-native/src/main/native, api/src/main/native,
#                   gradle/libs.versions.toml of DJL's tag v0.36.0
# Prepare them on a build machine with tools/gpu-proof-bundle.sh. Results go to $OUT (default ./gpu-proof-out).
# Usage: bash tools/gpu-proof.sh [STAGE ...]   stages: check tiny qwen-train qwen-sample cpu (default: all);
# gpu-setup always runs first (the machine is bare).
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
OUT="${OUT:-$PWD/gpu-proof-out}"
mkdir -p "$OUT" /tmp/gpu-proof
exec > >(tee "$OUT/proof.log") 2>&1   # everything, so a run cut short still reports what it did
stages=("$@")
[[ ${#stages[@]} -eq 0 ]] && stages=(check tiny qwen-train qwen-sample cpu)
tar -xJf .device/jre.tar.xz -C /tmp/gpu-proof
export JAVA_HOME=/tmp/gpu-proof/jre
export TESSERA_HOME=/tmp/gpu-proof/home DJL_CACHE_DIR=/tmp/gpu-proof/home/djl TESSERA_ROOT="$PWD"
export DJL_OFFLINE=true OMP_WAIT_POLICY=PASSIVE
T=("$JAVA_HOME/bin/java" -Dai.djl.offline=true -Xmx32g -cp ".device/lib/*" org.tessera.engine.cli.TesseraCli)
step() { echo; echo "=== $* ($(date +%T))"; }
timed() { local t0=$SECONDS; "$@"; local rc=$?; echo "[exit $rc, $((SECONDS - t0)) s]"; return $rc; }
want() { [[ " ${stages[*]} " == *" $1 "* ]]; }
q3b() { # the Qwen2.5-VL-3B-shaped random model, made once
  [[ -f /tmp/gpu-proof/q3b/config.json ]] || timed "${T[@]}" init-model --architecture qwen2_5_vl --size 3b \
    --out /tmp/gpu-proof/q3b 2>&1 | tail -2
}

step machine
nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader
python3 -c "import torch, sys; print('python', sys.version.split()[0], 'torch', torch.__version__, 'cuda', torch.version.cuda)"
nproc

step "gpu-setup"
timed "${T[@]}" gpu-setup --python python3 --djl-source .device/djl-0.36.0
timed "${T[@]}" info

if want check; then
  models=(--model assets/models/tessera-tiny --model engine/src/test/resources/hf/qwen2_5_vl-tiny)
  step "gpu-check (TF32 on, the default)"
  timed "${T[@]}" gpu-check "${models[@]}"
  step "gpu-check (TF32 off)"
  TESSERA_TF32=off timed "${T[@]}" gpu-check "${models[@]}"
fi

if want tiny; then
  step "bench model, tiny model on the GPU"
  timed "${T[@]}" bench model --json > "$OUT/bench-gpu.json"; cat "$OUT/bench-gpu.json"
  step "runs on the GPU"
  for cfg in quick-demo lesson-grpo; do
    timed "${T[@]}" run --no-progress --runs-dir /tmp/gpu-proof/runs "sample-configs/$cfg.json" 2>&1 | tail -3
  done
  grep -h '"device"\|"precision"' /tmp/gpu-proof/runs/*/run.json | sort | uniq -c
fi

if want qwen-train; then
  step "Qwen2.5-VL-3B-shaped model, SFT step (fp32; the peer's shapes: 8 x (64 image + 256 text) tokens)"
  q3b
  for tf32 in on off; do
    TESSERA_TF32=$tf32 timed timeout 200 "${T[@]}" bench model --model /tmp/gpu-proof/q3b --batch 8 --image-size 224 \
      --text-len 224 --completion-len 32 --forward-steps 2 --steps 3 --gen-prompts 0 --json \
      > "$OUT/bench-q3b-train-tf32$tf32.json"; cat "$OUT/bench-q3b-train-tf32$tf32.json"
  done
fi

if want qwen-sample; then
  step "Qwen2.5-VL-3B-shaped model, sampling (64 prompts x 128 new tokens, as the peer's generate)"
  q3b
  timed timeout 240 "${T[@]}" bench model --model /tmp/gpu-proof/q3b --image-size 224 --text-len 32 \
    --forward-steps 0 --steps 0 --gen-prompts 64 --gen-samples 1 --gen-tokens 128 --json \
    > "$OUT/bench-q3b-sample.json"; cat "$OUT/bench-q3b-sample.json"
  nvidia-smi --query-gpu=memory.used --format=csv,noheader
fi

if want cpu; then
  step "bench model, tiny model on the CPU ($(nproc) cores, the same libtorch)"
  TESSERA_DEVICE=cpu timed "${T[@]}" bench model --json > "$OUT/bench-cpu.json"; cat "$OUT/bench-cpu.json"
  for bucket in 262144 67108864; do  # AdamW bucket sizes other than the CPU default (the numbers are the same)
    TESSERA_DEVICE=cpu JAVA_TOOL_OPTIONS=-Dtessera.adamw.bucket=$bucket timed "${T[@]}" bench model --json \
      --gen-prompts 1 --gen-samples 1 --gen-tokens 1 2>/dev/null | grep optimizer
  done
fi
step done
