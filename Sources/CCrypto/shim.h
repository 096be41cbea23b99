#include <openssl/evp.h>
#include <openssl/hmac.h>    /* the portal's link tokens */
#include <openssl/crypto.h>  /* CRYPTO_memcmp: tokens compared in constant time */
