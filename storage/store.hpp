// storage/store: the one entry point handlers get: the database and its repositories.
#pragma once

#include <string>

#include "storage/action_items.hpp"
#include "storage/agreements.hpp"
#include "storage/checkins.hpp"
#include "storage/database.hpp"
#include "storage/feedback.hpp"
#include "storage/goals.hpp"
#include "storage/matrix_state.hpp"
#include "storage/notes.hpp"
#include "storage/outbox.hpp"
#include "storage/pairs.hpp"
#include "storage/people.hpp"
#include "storage/reminders.hpp"
#include "storage/retros.hpp"
#include "storage/schedule.hpp"

namespace mentorbot {

struct Store {
    explicit Store(const std::string& path)
        : db(path),
          people(db),
          pairs(db),
          outbox(db),
          agreements(db),
          goals(db),
          checkins(db),
          actions(db),
          notes(db),
          feedback(db),
          schedules(db),
          meetings(db),
          reminders(db),
          retros(db),
          matrix(db) {}
    Store(const Store&) = delete;
    Store& operator=(const Store&) = delete;

    Database db;
    People people;
    Pairs pairs;
    Outbox outbox;
    Agreements agreements;
    Goals goals;
    CheckIns checkins;
    ActionItems actions;
    Notes notes;
    FeedbackLog feedback;
    Schedules schedules;
    Meetings meetings;
    Reminders reminders;
    Retros retros;
    MatrixState matrix;
};

}  // namespace mentorbot
