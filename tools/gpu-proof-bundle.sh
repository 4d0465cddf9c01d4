#!/usr/bin/env bash
# Prepares .device/ for tools/gpu-proof.sh on a build machine (JDK 17, Maven, the DJL sources at hand):
#   bash tools/gpu-proof-bundle.sh DJL_SOURCE_ROOT
# DJL_SOURCE_ROOT: a DJL checkout at the tag v0.36.0 (or its unpacked release archive); only the JNI's folders are
# copied. .device/ must be ignored (echo /.device/ >> .git/info/exclude): nothing of DJL's is committed.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
src="${1:?usage: $0 DJL_SOURCE_ROOT}"
rm -rf .device && mkdir -p .device/lib
mvn -B -q -o -pl engine -DskipTests package
mvn -B -q -o -pl engine dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile=.device/cp.txt
tr ':' '\n' < .device/cp.txt | grep -v pytorch-native-cpu | xargs -I{} cp {} .device/lib/
cp engine/target/tessera-engine-*.jar .device/lib/
# DJL's prebuilt JNI libraries are never used there (gpu-setup builds one): 15 MB less to carry
(cd .device/lib && zip -q -d pytorch-jni-*.jar 'jnilib/*/*/*')
# the Hugging Face tokenizers' natives of other platforms: 40 MB less
(cd .device/lib && zip -q -d tokenizers-*.jar 'native/lib/linux-aarch64/*' 'native/lib/win-x86_64/*' 'native/lib/osx-aarch64/*')
jdk="$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")"
tmp="$(mktemp -d)"
jlink --add-modules java.base,java.compiler,java.desktop,java.management,java.sql,java.logging,jdk.unsupported,java.naming,jdk.zipfs,java.net.http,jdk.crypto.ec \
  --output "$tmp/jre" --strip-debug --no-header-files --no-man-pages --compress=2
cp -r "$jdk/include" "$tmp/jre/include"
tar -cJf .device/jre.tar.xz -C "$tmp" jre
rm -rf "$tmp"
for d in engines/pytorch/pytorch-native/src/main/native api/src/main/native; do
  mkdir -p ".device/djl-0.36.0/$d" && cp -r "$src/$d/." ".device/djl-0.36.0/$d/"
done
mkdir -p .device/djl-0.36.0/gradle && cp "$src/gradle/libs.versions.toml" .device/djl-0.36.0/gradle/
du -sh .device
