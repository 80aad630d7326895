// The cloud layer's secrets (secret key, token, proxy password, `adminPass`) are `Secret`s: one
// buffer, zeroed on `wipe()` and when the last holder lets go. Re-exported so every user of the
// cloud layer names the same type.
@_exported import SecretStorage
