// SHA-256 from OpenSSL's libcrypto (Debian libssl-dev), the hardware-accelerated (SHA-NI/AVX2)
// implementation every checksum in nextline goes through. Only VariantModel.SHA256 uses this module.
#include <openssl/evp.h>

/// A fresh SHA-256 context, or NULL when libcrypto cannot provide one.
static inline EVP_MD_CTX *ccrypto_sha256_new(void) {
    EVP_MD_CTX *c = EVP_MD_CTX_new();
    if (c && EVP_DigestInit_ex(c, EVP_sha256(), NULL) != 1) { EVP_MD_CTX_free(c); return NULL; }
    return c;
}
static inline int ccrypto_update(EVP_MD_CTX *c, const void *p, size_t n) { return EVP_DigestUpdate(c, p, n); }
/// The digest of what was fed so far, leaving `c` usable (finishes a copy).
static inline int ccrypto_peek_digest(const EVP_MD_CTX *c, unsigned char out[32]) {
    EVP_MD_CTX *copy = EVP_MD_CTX_new();
    unsigned int n = 0;
    int ok = copy && EVP_MD_CTX_copy_ex(copy, c) == 1 && EVP_DigestFinal_ex(copy, out, &n) == 1 && n == 32;
    EVP_MD_CTX_free(copy);
    return ok;
}
static inline EVP_MD_CTX *ccrypto_copy(const EVP_MD_CTX *c) {
    EVP_MD_CTX *copy = EVP_MD_CTX_new();
    if (copy && EVP_MD_CTX_copy_ex(copy, c) != 1) { EVP_MD_CTX_free(copy); return NULL; }
    return copy;
}
static inline void ccrypto_free(EVP_MD_CTX *c) { EVP_MD_CTX_free(c); }
