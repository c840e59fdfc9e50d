//! The one integration-test binary: runs the real `veikart` on real folders.
