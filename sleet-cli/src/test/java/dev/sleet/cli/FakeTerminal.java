package dev.sleet.cli;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** A person at a terminal, answering from a script; records every prompt. */
final class FakeTerminal implements Terminal {

    final Deque<String> answers = new ArrayDeque<>();
    final List<String> prompts = new ArrayList<>();

    FakeTerminal(String... answers) {
        this.answers.addAll(List.of(answers));
    }

    @Override
    public boolean interactive() {
        return true;
    }

    @Override
    public String readLine(String prompt) {
        prompts.add(prompt);
        return answers.poll();
    }
}
