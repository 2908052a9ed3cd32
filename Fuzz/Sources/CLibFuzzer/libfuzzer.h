// libFuzzer's driver for programs with their own main (compiler-rt FuzzerInterface.h). SwiftPM renames an
// executable target's main, so `-sanitize=fuzzer` cannot supply one; the targets call this instead and link
// libclang_rt.fuzzer_no_main-x86_64.a.
#ifndef NEXTLINE_FUZZ_LIBFUZZER_H
#define NEXTLINE_FUZZ_LIBFUZZER_H
#include <stddef.h>
#include <stdint.h>

/// Runs libFuzzer with the given command line, calling UserCb for every input. Returns libFuzzer's exit code.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*UserCb)(const uint8_t *Data, size_t Size));

#endif
