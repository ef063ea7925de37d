//! The default theme and the example site are compiled into the binary;
//! rebuild it whenever either changes.
fn main() {
    println!("cargo:rerun-if-changed=themes");
    println!("cargo:rerun-if-changed=content");
}
