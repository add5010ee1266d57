@echo off
echo before [2J]0;title 31m ￾ after
