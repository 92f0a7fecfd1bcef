// tests/support/scratch_database: a directory of its own for one test's database file (and its
// log and shared memory), removed with everything in it when the test ends.
#pragma once

#include <unistd.h>

#include <filesystem>
#include <string>

namespace mentorbot::testing {

struct ScratchDatabase {
    explicit ScratchDatabase(const std::string& name)
        : dir(std::filesystem::temp_directory_path() /
              ("mentorbot-" + name + "-" + std::to_string(::getpid()))) {
        std::filesystem::create_directories(dir);
    }
    ~ScratchDatabase() { std::filesystem::remove_all(dir); }
    ScratchDatabase(const ScratchDatabase&) = delete;
    ScratchDatabase& operator=(const ScratchDatabase&) = delete;

    std::filesystem::path dir;
    std::string path = (dir / "bot.db").string();
};

}  // namespace mentorbot::testing
