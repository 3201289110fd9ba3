//! The WebAssembly entry point: show panics on the page, then start the app.

fn main() {
    torch2024::ui::start();
}
