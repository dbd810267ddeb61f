# Sourced before a nested npm runs (scripts/harness/setup.sh, scripts/installedCli.mjs).
# Run from `npm test`, a script inherits the outer npm's environment: npm_config_user_agent names the outer
# Node (code-server's postinstall reads its Node version from there and refuses v20), npm_config_local_prefix
# points at this checkout, npm_package_* / npm_lifecycle_* describe our package, npm_config_global /
# npm_config_prefix would redirect an install. The nested npm gets a clean environment; only where to fetch
# from and how (registry, proxy, certificates, cache, retries) is kept.
KEEP_NPM_CONFIG=" registry proxy https_proxy http_proxy noproxy no_proxy cafile ca strict_ssl cache userconfig globalconfig offline prefer_offline prefer_online fetch_retries fetch_timeout "
for v in $(compgen -e); do
  lower=${v,,}
  case "$lower" in
    npm_config_*) case "$KEEP_NPM_CONFIG" in *" ${lower#npm_config_} "*) ;; *) unset "$v" ;; esac ;;
    npm_*|init_cwd) unset "$v" ;;
  esac
done
unset v lower KEEP_NPM_CONFIG
