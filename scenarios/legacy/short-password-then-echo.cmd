net user bob e
echo hello there
net user bob
echo e is the password
