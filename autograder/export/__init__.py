"""Exports of the course to other graders: an nbgrader course, a Gradescope autograder."""
