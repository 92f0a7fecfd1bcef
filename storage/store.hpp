// storage/store: the one entry point handlers get: the database and its repositories.
#pragma once

#include <string>

#include "storage/database.hpp"
#include "storage/matrix_state.hpp"
#include "storage/outbox.hpp"
#include "storage/pairs.hpp"
#include "storage/people.hpp"

namespace mentorbot {

struct Store {
    explicit Store(const std::string& path) : db(path), people(db), pairs(db), outbox(db), matrix(db) {}
    Store(const Store&) = delete;
    Store& operator=(const Store&) = delete;

    Database db;
    People people;
    Pairs pairs;
    Outbox outbox;
    MatrixState matrix;
};

}  // namespace mentorbot
